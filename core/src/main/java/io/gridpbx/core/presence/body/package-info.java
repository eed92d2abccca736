/**
 * The bodies of presence and its neighbour event packages, as immutable records that write
 * themselves and parse untrusted input: PIDF with RPID activities (RFC 3863, RFC 4480),
 * dialog-info for busy lamps and pickup (RFC 4235), message summaries for the voicemail lamp
 * (RFC 3842), watcher information (RFC 3857/3858), resource lists and RLS services (RFC 4826) and
 * the multipart RLMI body of a list NOTIFY (RFC 4662). Nothing here touches the network or a store;
 * every XML document is read by a hardened parser that refuses DOCTYPEs, so entity expansion and
 * external entities never happen, and each refusal is a {@link io.gridpbx.core.presence.body.BodyException}
 * carrying the SIP status to answer with.
 */
@NullMarked
package io.gridpbx.core.presence.body;

import org.jspecify.annotations.NullMarked;
