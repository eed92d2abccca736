/**
 * What the signalling asks of the media relay, as pure functions over session descriptions: the
 * endpoints and hold state a phone announced, whether a client domain's policy and a phone's
 * addresses call for relaying ({@link io.gridpbx.core.tenancy.NatPolicy}), and the rewrite of an offer
 * or answer so that media flows through the relay ({@link io.gridpbx.core.media.RelayRewriter}), the
 * job rtpengine does for Kamailio. No sockets, clock or randomness here: the relay's ports and ICE
 * credentials come in as records, and the per-leg SDP state goes back to the caller to keep in the grid.
 */
@NullMarked
package io.gridpbx.core.media;

import org.jspecify.annotations.NullMarked;
