package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The media of one relayed call on this node: every description either party sends (offer or answer,
 * in an INVITE, a 18x or 2xx, an ACK, a re-INVITE, an UPDATE or a PRACK) tells the relay where that
 * party listens, and goes on to the other party with the relay's address in place of the sender's
 * (rtpengine's offer/answer, for any order). Each direction keeps the state RFC 3264 section 8 asks
 * for: the origin it announced and the last description, so the version moves only on a change.
 */
public final class CallMedia {

    private final String callKey;
    private final MediaRelay relay;
    private final Map<CallSide, LegSdpState> sent = new EnumMap<>(CallSide.class);
    private final Map<Integer, MediaRelay.RelayStream> streams = new HashMap<>();

    public CallMedia(String callKey, MediaRelay relay) {
        this.callKey = callKey;
        this.relay = relay;
    }

    public String callKey() {
        return callKey;
    }

    /**
     * The description to send to the other party, once the relay has a stream for each enabled
     * {@code m=} line (opened now for lines not seen before).
     */
    public CompletionStage<RelayedSdp> relay(CallSide from, SessionDescription received) {
        List<AnnouncedMedia> announced = MediaFacts.announced(received);
        List<CompletableFuture<Void>> opening = new ArrayList<>();
        for (AnnouncedMedia media : announced) {
            if (!media.disabled() && streamAt(media.index()) == null) {
                opening.add(relay.stream(callKey, media.index()).toCompletableFuture()
                        .thenAccept(stream -> remember(media.index(), stream)));
            }
        }
        if (opening.isEmpty()) {
            return CompletableFuture.completedFuture(rewrite(from, received, announced));
        }
        return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
                .thenApply(opened -> rewrite(from, received, announced));
    }

    /** Returns the call's ports to the relay. */
    public void close() {
        relay.close(callKey);
    }

    private synchronized RelayedSdp rewrite(CallSide from, SessionDescription received, List<AnnouncedMedia> announced) {
        Map<Integer, RelayEndpoint> endpoints = new HashMap<>();
        for (AnnouncedMedia media : announced) {
            if (media.disabled()) {
                continue;
            }
            MediaRelay.RelayStream stream = streams.get(media.index());
            stream.expect(from, media);
            // Never offered multiplexed: RTCP on its own port is what every phone can answer (RFC 5761 section 5.1.1),
            // so a phone that offered rtcp-mux gets an answer without it and keeps the ports apart too.
            endpoints.put(media.index(), stream.facing(from.other(), false));
        }
        RelayedSdp out = RelayRewriter.rewrite(received, RelayPlan.removingIce(endpoints), sent.get(from.other()));
        sent.put(from.other(), out.state());
        return out;
    }

    private synchronized MediaRelay.@Nullable RelayStream streamAt(int index) {
        return streams.get(index);
    }

    private synchronized void remember(int index, MediaRelay.RelayStream stream) {
        streams.putIfAbsent(index, stream);
    }
}
