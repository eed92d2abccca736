package io.gridpbx.node.grid;

import io.gridpbx.core.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long the SIP path waits for the grid, and on which threads it goes on. Hazelcast's own
 * invocation timeout is two minutes and it retries an operation whose owner is frozen or gone until
 * the member is declared dead (5 s here): a request that waited that long would be retransmitted
 * by its phone many times over. Adapters therefore call the asynchronous API and {@link #bound} the
 * answer: past the deadline the stage fails with {@link StoreUnavailableException}, which the SIP
 * edge answers with 503 and Retry-After.
 *
 * <p>The bounded stage completes on {@link GridCallbacks}, never on the thread that completed the
 * grid's future: that is a partition thread for a key this member owns, or the response thread,
 * and what the SIP path does next (build and send a message) must not run there.
 */
public record GridDeadline(Duration timeout, GridCallbacks callbacks) {

    /** One second: well above a healthy round trip (under a millisecond on a LAN), well below T1 x 2^3. */
    public static final GridDeadline DEFAULT = new GridDeadline(Duration.ofSeconds(1));

    public GridDeadline {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the grid deadline must be positive, not " + timeout);
        }
    }

    /** With the JVM's shared callback threads. */
    public GridDeadline(Duration timeout) {
        this(timeout, GridCallbacks.shared());
    }

    /**
     * The grid operation's answer as a stage that completes on the callback threads, with the value,
     * or with {@link StoreUnavailableException} past the deadline or when the grid failed it; a bug
     * in a processor or a serializer fails it as it is.
     *
     * @param operation what was asked ("register"), and {@code key} on what; joined only on failure
     */
    public <T> CompletableFuture<T> bound(CompletionStage<T> pending, String operation, String key) {
        CompletableFuture<T> bounded = new CompletableFuture<>();
        Executor threads = callbacks.executor();
        ScheduledFuture<?> timer = callbacks.schedule(() -> threads.execute(() -> bounded.completeExceptionally(
                new StoreUnavailableException(operation + " " + key, timeout, new TimeoutException()))), timeout);
        pending.whenCompleteAsync((value, failure) -> {
            timer.cancel(false);
            if (failure == null) {
                bounded.complete(value);
            } else {
                bounded.completeExceptionally(translate(failure, operation, key));
            }
        }, threads);
        return bounded;
    }

    /**
     * The value of a grid operation, waited for at most {@link #timeout}: for callers that must wait
     * (the admin pages, the REST API), never the SIP path.
     *
     * @param operation what was asked ("register"), and {@code key} on what; joined only on failure
     * @throws StoreUnavailableException past the deadline, or when the grid failed the operation
     */
    public <T> T await(CompletionStage<T> pending, String operation, String key) {
        try {
            return pending.toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            throw new StoreUnavailableException(operation + " " + key, timeout, late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(operation + " " + key, timeout, interrupted);
        } catch (ExecutionException | CompletionException | CancellationException failed) {
            throw translate(failed.getCause() != null ? failed.getCause() : failed, operation, key);
        }
    }

    private RuntimeException translate(Throwable failure, String operation, String key) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException runtime && !(cause instanceof com.hazelcast.core.HazelcastException)
                && !(cause instanceof StoreUnavailableException)) {
            return runtime; // a bug in a processor or a serializer: not the grid being away
        }
        if (cause instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        return new StoreUnavailableException(operation + " " + key, timeout, cause);
    }
}
