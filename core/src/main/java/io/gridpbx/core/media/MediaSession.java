package io.gridpbx.core.media;

import java.util.List;

/**
 * Which node relays a call's media, with each stream's ports, peers, learnt sources and counters: what
 * a survivor needs to re-anchor the call after that node is lost, and what the active-calls views show.
 *
 * @param updatedAtMillis when the relaying node last refreshed it (it does every few seconds)
 */
public record MediaSession(String callId, String node, long updatedAtMillis, List<RelayedStream> streams) {

    public MediaSession {
        streams = List.copyOf(streams);
    }

    /** Packets that arrived from both parties on every stream. */
    public long packets() {
        return streams.stream().mapToLong(s -> s.caller().packets() + s.callee().packets()).sum();
    }
}
