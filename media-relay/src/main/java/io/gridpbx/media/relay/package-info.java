/**
 * The RTP relay. {@link io.gridpbx.media.relay.MediaRelayServer} is its one service: started from a
 * {@link io.gridpbx.media.relay.MediaRelayConfig} (bind host, advertised host for 1:1 NAT, port range,
 * latch window and mode), it {@code open}s a {@link io.gridpbx.media.relay.RelaySession} per call with
 * two {@link io.gridpbx.media.relay.RelayLeg}s. The SIP side puts each leg's
 * {@code localEndpoint()} into the SDP it sends that leg's peer, tells the leg what the peer's SDP
 * announced with {@code expect(address, rtpPort, rtcpPort)}, calls {@code relatch()} on a re-INVITE,
 * asks {@code idleSessions(timeout, holdTimeout)} which calls to end, and {@code close()}s the
 * session on BYE. Packets are relayed as they came, in Netty's pooled buffers, on one event loop per
 * session; datagrams that are not RTP, too long, from a source the latch refuses (RFC 4961 symmetric
 * RTP, after rtpengine's learning) or for a closed session are dropped and counted by
 * {@link io.gridpbx.media.relay.DropReason}.
 */
@NullMarked
package io.gridpbx.media.relay;

import org.jspecify.annotations.NullMarked;
