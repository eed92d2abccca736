/**
 * rtpengine's "ng" control protocol, so that an existing Kamailio or OpenSIPS ({@code rtpengine}
 * module) can use this node's relay: bencoded {@code <cookie> <dict>} requests over UDP
 * ({@code ping}, {@code offer}, {@code answer}, {@code delete}, {@code query}), answered with the
 * cookie echoed and cached by cookie, since the proxies retransmit. {@link io.gridpbx.media.ng.NgServer}
 * is its one service; offers and answers open {@link io.gridpbx.media.relay.RelaySession}s (one per
 * {@code m=} line) and rewrite the SDP with core's {@link io.gridpbx.core.media.RelayRewriter}.
 */
@NullMarked
package io.gridpbx.media.ng;

import org.jspecify.annotations.NullMarked;
