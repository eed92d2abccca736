/**
 * RTP as the relay and the media engine see it: reading the fixed header in place from a Netty
 * {@code ByteBuf} (RFC 3550 §5.1), telling RTCP from RTP on a shared port (RFC 5761 §4), and the
 * receiver statistics of RFC 3550 Appendix A (sequence validation, cumulative loss, interarrival
 * jitter). Nothing here allocates per packet or knows about sockets or sessions.
 */
@NullMarked
package io.gridpbx.media.rtp;

import org.jspecify.annotations.NullMarked;
