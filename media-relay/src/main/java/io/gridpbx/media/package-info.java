/**
 * The media plane of a node, on Netty: {@code rtp} reads RTP and keeps the receiver statistics of
 * RFC 3550; {@code relay} relays two-leg RTP sessions with symmetric latching, and is the one service
 * the SIP side calls ({@link io.gridpbx.media.relay.MediaRelayServer}). SDP rewriting is a pure
 * function in {@code core}; this module depends on {@code core} alone and never on the SIP stack.
 */
@NullMarked
package io.gridpbx.media;

import org.jspecify.annotations.NullMarked;
