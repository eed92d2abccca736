package io.gridpbx.media.relay;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The media of one call through this relay: what each leg's peer sends to the relay goes out of the
 * other leg's socket to that leg's peer.
 *
 * <p>All sockets of a session live on one event loop, so a packet crosses from one leg to the other
 * without a thread hop and the legs' counters need no locks. Two legs today; the legs are a list so
 * that a conference can hold more.
 */
public final class RelaySession {

    private final String callId;
    private final List<RelayLeg> legs;
    private final EventLoop loop;
    private final RelayContext context;
    private final Consumer<RelaySession> onClosed;
    private final long openedNanos;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean onHold;

    RelaySession(String callId, List<LegSpec> specs, EventLoop loop, RelayContext context,
                 Consumer<RelaySession> onClosed) {
        if (specs.size() != 2) {
            throw new IllegalArgumentException("a relay session has two legs, not " + specs.size());
        }
        if (new HashSet<>(specs.stream().map(LegSpec::tag).toList()).size() != specs.size()) {
            throw new IllegalArgumentException("leg tags repeat: " + specs);
        }
        this.callId = callId;
        this.loop = loop;
        this.context = context;
        this.onClosed = onClosed;
        this.openedNanos = context.ticker().nanos();
        this.legs = specs.stream().map(spec -> new RelayLeg(this, spec, context)).toList();
    }

    public String callId() {
        return callId;
    }

    public List<RelayLeg> legs() {
        return legs;
    }

    /** The leg with this tag. */
    public RelayLeg leg(String tag) {
        for (RelayLeg leg : legs) {
            if (leg.tag().equals(tag)) {
                return leg;
            }
        }
        throw new IllegalArgumentException("no leg " + tag + " in call " + callId);
    }

    /** Marks the call held (a=sendonly/inactive, RFC 3264 §8.4), so that it may stay silent for longer. */
    public void onHold(boolean held) {
        this.onHold = held;
    }

    public boolean isOnHold() {
        return onHold;
    }

    /** Opens every leg's latch window again (a re-INVITE). */
    public void relatch() {
        legs.forEach(RelayLeg::relatch);
    }

    /** How long no RTP has come from any leg (since the session opened if none ever has). */
    public Duration idleFor() {
        long last = openedNanos;
        for (RelayLeg leg : legs) {
            if (leg.heard() && leg.lastRtpNanos() - last > 0) {
                last = leg.lastRtpNanos();
            }
        }
        return Duration.ofNanos(context.ticker().nanos() - last);
    }

    public boolean isClosed() {
        return closing.get();
    }

    /** Snapshots of the legs' counters, taken on the session's event loop. */
    public CompletableFuture<List<LegStats>> stats() {
        List<CompletableFuture<LegStats>> each = legs.stream().map(RelayLeg::stats).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Tears the session down: its sockets close and its ports return to the pool. Completes when the
     * ports are free; calling it again returns the same future. The legs' stats stay readable.
     */
    public CompletableFuture<Void> close() {
        if (closing.compareAndSet(false, true)) {
            try {
                loop.execute(this::closeSockets);
            } catch (RejectedExecutionException stopped) {
                // The event loop has stopped, and its channels were closed with it.
                finishClose();
            }
        }
        return closed;
    }

    EventLoop loop() {
        return loop;
    }

    RelayContext context() {
        return context;
    }

    /** The leg a packet from {@code from} goes to: the other one of the two. */
    RelayLeg peerOf(RelayLeg from) {
        return legs.get(0) == from ? legs.get(1) : legs.get(0);
    }

    /** Runs a read of loop-confined state on the event loop. */
    <T> CompletableFuture<T> onLoop(Supplier<T> read) {
        if (loop.inEventLoop()) {
            return CompletableFuture.completedFuture(read.get());
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    result.complete(read.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private void closeSockets() {
        List<Channel> channels = new ArrayList<>();
        for (RelayLeg leg : legs) {
            addChannel(channels, leg.rtpSocket().channel());
            if (leg.rtcpSocket() != leg.rtpSocket()) {
                addChannel(channels, leg.rtcpSocket().channel());
            }
        }
        if (channels.isEmpty()) {
            finishClose();
            return;
        }
        int[] open = {channels.size()};
        // Ports go back to the pool only once the sockets are really closed, or the next call could fail to bind them.
        for (Channel channel : channels) {
            channel.close().addListener(done -> {
                if (--open[0] == 0) {
                    finishClose();
                }
            });
        }
    }

    private static void addChannel(List<Channel> channels, @Nullable Channel channel) {
        if (channel != null) {
            channels.add(channel);
        }
    }

    private void finishClose() {
        try {
            onClosed.accept(this);
        } finally {
            closed.complete(null);
        }
    }

    @Override
    public String toString() {
        return "RelaySession[" + callId + " " + legs.stream().map(RelayLeg::tag).toList() + "]";
    }
}
