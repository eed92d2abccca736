package io.gridpbx.media.ng;

import io.gridpbx.core.media.IceCredentials;
import io.gridpbx.core.media.LegSdpState;
import io.gridpbx.media.relay.RelaySession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One call as the proxy drives it: its two parties (rtpengine's monologues), known by their dialog tags,
 * and one relay session per {@code m=} line. Party 0 made the first offer (its From tag); party 1
 * answered (its To tag, learnt on the answer). Each relay session's leg {@code i} faces party {@code i}.
 *
 * <p>Requests for one call may finish on different event loops (a session opens on its own), so the
 * state is guarded by this object's monitor.
 */
final class NgCall {

    /** The two parties; the index of a party's leg in each relay session. */
    static final int OFFERER = 0;
    static final int ANSWERER = 1;

    private final String callId;
    private final Instant created;
    private final IceCredentials iceCredentials;
    private final @Nullable String[] tags = new String[2];
    private final @Nullable String[] viaBranches = new String[2];
    /** What the relay last sent to each party, for RFC 3264 section 8 versioning. */
    private final @Nullable LegSdpState[] sent = new LegSdpState[2];
    private final Map<Integer, CompletableFuture<RelaySession>> streams = new TreeMap<>();
    private final Map<Integer, String[]> mediaKinds = new TreeMap<>();
    private Instant lastSignal;
    private boolean deleted;

    NgCall(String callId, String offererTag, Instant now, IceCredentials iceCredentials) {
        this.callId = callId;
        this.created = now;
        this.lastSignal = now;
        this.iceCredentials = iceCredentials;
        this.tags[OFFERER] = offererTag;
    }

    String callId() {
        return callId;
    }

    Instant created() {
        return created;
    }

    IceCredentials iceCredentials() {
        return iceCredentials;
    }

    synchronized Instant lastSignal() {
        return lastSignal;
    }

    synchronized void signalled(Instant now) {
        lastSignal = now;
    }

    synchronized @Nullable String tag(int party) {
        return tags[party];
    }

    /** The party a tag names, or -1. */
    synchronized int partyOf(String tag) {
        for (int party = 0; party < 2; party++) {
            if (tag.equals(tags[party])) {
                return party;
            }
        }
        return -1;
    }

    /**
     * Names a party; a different To tag on a later answer replaces the first one (a forked INVITE answered
     * by another branch), as the relay has one answerer per call.
     */
    synchronized void name(int party, String tag, @Nullable String viaBranch) {
        tags[party] = tag;
        if (viaBranch != null) {
            viaBranches[party] = viaBranch;
        }
    }

    synchronized @Nullable String viaBranch(int party) {
        return viaBranches[party];
    }

    synchronized @Nullable LegSdpState sentTo(int party) {
        return sent[party];
    }

    synchronized void sentTo(int party, LegSdpState state) {
        sent[party] = state;
    }

    /** The stream of an {@code m=} line, if it was ever opened. */
    synchronized @Nullable CompletableFuture<RelaySession> stream(int index) {
        return streams.get(index);
    }

    synchronized void stream(int index, CompletableFuture<RelaySession> opening, String media, String proto) {
        streams.put(index, opening);
        mediaKinds.put(index, new String[] {media, proto});
    }

    /** The {@code m=} line's media and proto, as first offered. */
    synchronized String[] mediaKind(int index) {
        return mediaKinds.getOrDefault(index, new String[] {"audio", "RTP/AVP"});
    }

    /** Every stream by {@code m=} index; those that failed to open complete exceptionally. */
    synchronized Map<Integer, CompletableFuture<RelaySession>> streams() {
        return new TreeMap<>(streams);
    }

    /** Marks the call deleted and returns its streams, so that they are closed once. */
    synchronized List<CompletableFuture<RelaySession>> delete() {
        deleted = true;
        return new ArrayList<>(streams.values());
    }

    synchronized boolean deleted() {
        return deleted;
    }
}
