package io.gridpbx.media.ng;

import io.gridpbx.media.relay.LegStats;
import io.gridpbx.media.relay.MediaEndpoint;
import io.gridpbx.media.relay.RelayLeg;
import io.gridpbx.media.relay.RelaySession;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A call's figures in the shape of rtpengine's {@code query} reply ({@code ng_call_stats} in its
 * daemon/call_interfaces.c): {@code created} and {@code last signal} in Unix seconds, {@code tags} with
 * one entry per party and its {@code medias}, each with an RTP and an RTCP stream ({@code local port},
 * {@code endpoint}, {@code last packet}, {@code stats}), and {@code totals} of {@code RTP} and
 * {@code RTCP} {@code packets}, {@code bytes} and {@code errors} over the parties.
 *
 * <p>What a party sent the relay, as rtpengine's {@code stats} (its input side). A leg's drops are all
 * counted as RTP errors, as the relay counts them per leg, not per socket.
 */
final class NgCallStats {

    private NgCallStats() {
    }

    static CompletableFuture<Map<String, Object>> of(NgCall call) {
        Map<Integer, CompletableFuture<RelaySession>> streams = call.streams();
        Map<Integer, RelaySession> open = new LinkedHashMap<>();
        streams.forEach((index, stream) -> {
            if (stream.isDone() && !stream.isCompletedExceptionally()) {
                open.put(index, stream.join());
            }
        });
        Map<Integer, CompletableFuture<List<LegStats>>> stats = new LinkedHashMap<>();
        open.forEach((index, session) -> stats.put(index, session.stats()));
        return CompletableFuture.allOf(stats.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> render(call, open, stats));
    }

    private static Map<String, Object> render(NgCall call, Map<Integer, RelaySession> sessions,
            Map<Integer, CompletableFuture<List<LegStats>>> stats) {
        long[] rtp = new long[3];
        long[] rtcp = new long[3];
        Map<String, Object> tags = new LinkedHashMap<>();
        for (int party = 0; party < 2; party++) {
            String tag = call.tag(party);
            if (tag == null) {
                continue;
            }
            List<Object> medias = new ArrayList<>();
            for (Map.Entry<Integer, RelaySession> entry : sessions.entrySet()) {
                RelayLeg leg = entry.getValue().legs().get(party);
                LegStats legStats = stats.get(entry.getKey()).join().get(party);
                long errors = legStats.drops().values().stream().mapToLong(Long::longValue).sum();
                add(rtp, legStats.packets(), legStats.bytes(), errors);
                add(rtcp, legStats.rtcpPackets(), legStats.rtcpBytes(), 0);
                MediaEndpoint local = leg.localEndpoint();
                String[] kind = call.mediaKind(entry.getKey());
                Map<String, Object> media = new LinkedHashMap<>();
                media.put("index", (long) entry.getKey() + 1); // rtpengine counts m= lines from 1
                media.put("type", kind[0]);
                media.put("protocol", kind[1]);
                media.put("streams", List.of(
                        stream(local.host(), local.rtpPort(), legStats.latchedRtp(), legStats.lastPacketAt(), "RTP",
                                legStats.packets(), legStats.bytes(), errors),
                        stream(local.host(), local.rtcpPort(), legStats.latchedRtcp(), null, "RTCP",
                                legStats.rtcpPackets(), legStats.rtcpBytes(), 0)));
                media.put("flags", List.of("initialized", "send", "recv"));
                medias.add(media);
            }
            Map<String, Object> monologue = new LinkedHashMap<>();
            monologue.put("tag", tag);
            String via = call.viaBranch(party);
            if (via != null) {
                monologue.put("via-branch", via);
            }
            monologue.put("created", call.created().getEpochSecond());
            String peer = call.tag(1 - party);
            if (peer != null) {
                monologue.put("in dialogue with", peer);
            }
            monologue.put("medias", medias);
            tags.put(tag, monologue);
        }
        Map<String, Object> reply = NgReplies.ok();
        reply.put("created", call.created().getEpochSecond());
        reply.put("created_us", (long) call.created().getNano() / 1000);
        reply.put("last signal", call.lastSignal().getEpochSecond());
        reply.put("tags", tags);
        reply.put("totals", Map.of("RTP", counters(rtp), "RTCP", counters(rtcp)));
        return reply;
    }

    private static Map<String, Object> stream(String host, int port, @Nullable InetSocketAddress endpoint,
            @Nullable Instant lastPacket, String flag, long packets, long bytes, long errors) {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("local port", (long) port);
        stream.put("local address", host);
        stream.put("family", host.indexOf(':') >= 0 ? "IPv6" : "IPv4");
        Map<String, Object> peer = new LinkedHashMap<>();
        if (endpoint != null) {
            peer.put("family", endpoint.getAddress() instanceof java.net.Inet6Address ? "IPv6" : "IPv4");
            peer.put("address", endpoint.getAddress().getHostAddress());
            peer.put("port", (long) endpoint.getPort());
        }
        stream.put("endpoint", peer);
        stream.put("last packet", lastPacket == null ? 0L : lastPacket.getEpochSecond());
        stream.put("flags", List.of(flag));
        stream.put("stats", counters(new long[] {packets, bytes, errors}));
        return stream;
    }

    private static void add(long[] totals, long packets, long bytes, long errors) {
        totals[0] += packets;
        totals[1] += bytes;
        totals[2] += errors;
    }

    private static Map<String, Object> counters(long[] values) {
        return Map.of("packets", values[0], "bytes", values[1], "errors", values[2]);
    }
}
