package io.gridpbx.media.relay;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Decides which source one local socket accepts, and so where the relay sends that peer's media back
 * (symmetric RTP, RFC 4961).
 *
 * <p>While the window is open, an admissible source latches if it ranks better than the one latched
 * (the first one if none), so a source matching the SDP address wins over a stranger. Once the window
 * has closed only the latched source passes; a leg that stayed silent through the window may still
 * latch a source at the SDP address (or any source if the SDP had none), so that a late talker is not
 * cut off while a stranger cannot take over a live stream.
 *
 * <p>The state is one immutable record swapped atomically: the event loop reads it once per packet
 * and replaces it only when it latches, while {@link #expect} and {@link #relatch} come from SIP
 * threads.
 */
final class SourceLatch {

    private record State(@Nullable InetSocketAddress expected, @Nullable InetSocketAddress latched, int latchedRank,
                         long windowEndsNanos) {
    }

    private final LatchMode mode;
    private final long windowNanos;
    private final Ticker ticker;
    private final AtomicReference<State> state;

    SourceLatch(LatchMode mode, Duration window, Ticker ticker) {
        this.mode = mode;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.state = new AtomicReference<>(new State(null, null, SourceRank.STALE, ticker.nanos() + windowNanos));
    }

    /** Whether a packet from this source passes, latching it if the rules allow; called on the event loop. */
    boolean admit(InetSocketAddress source, long nowNanos) {
        while (true) {
            State s = state.get();
            if (source.equals(s.latched())) {
                return true;
            }
            int rank = SourceRank.of(source, s.expected());
            if (rank < mode.minimumRank()) {
                return false;
            }
            boolean windowOpen = nowNanos - s.windowEndsNanos() < 0;
            boolean take = windowOpen
                    ? rank > s.latchedRank()
                    : s.latched() == null && (s.expected() == null || rank >= SourceRank.ADDRESS);
            if (!take) {
                return false;
            }
            if (state.compareAndSet(s, new State(s.expected(), source, rank, s.windowEndsNanos()))) {
                return true;
            }
        }
    }

    /**
     * Sets the address the SDP announced (null when unknown or 0.0.0.0) and opens the window again.
     * A latched source that no longer fits the mode is forgotten; one that does not match the new
     * address is kept but may be replaced by any admissible source while the window is open.
     */
    void expect(@Nullable InetSocketAddress expected) {
        long windowEnds = ticker.nanos() + windowNanos;
        state.updateAndGet(s -> reopened(expected, s.latched(), windowEnds));
    }

    /** Opens the window again for the same SDP address: after a re-INVITE, or when the peer's address changed. */
    void relatch() {
        long windowEnds = ticker.nanos() + windowNanos;
        state.updateAndGet(s -> reopened(s.expected(), s.latched(), windowEnds));
    }

    /** Where to send this peer's media: the latched source, else the SDP address, else nowhere yet. */
    @Nullable InetSocketAddress destination() {
        State s = state.get();
        return s.latched() != null ? s.latched() : s.expected();
    }

    @Nullable InetSocketAddress latched() {
        return state.get().latched();
    }

    @Nullable InetSocketAddress expected() {
        return state.get().expected();
    }

    private State reopened(@Nullable InetSocketAddress expected, @Nullable InetSocketAddress latched, long windowEnds) {
        if (latched == null) {
            return new State(expected, null, SourceRank.STALE, windowEnds);
        }
        int rank = SourceRank.of(latched, expected);
        if (rank < mode.minimumRank()) {
            return new State(expected, null, SourceRank.STALE, windowEnds);
        }
        return new State(expected, latched, rank == SourceRank.ANY ? SourceRank.STALE : rank, windowEnds);
    }
}
