package io.gridpbx.node.grid;

import io.gridpbx.core.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long a SIP thread waits for the grid. Hazelcast's own invocation timeout is two minutes and
 * it retries an operation whose owner is frozen or gone until the member is declared dead (5 s
 * here): a thread that waited that long would hold the listener pool while the phone retransmits.
 * Adapters therefore call the asynchronous API and wait at most this deadline; past it the port
 * throws {@link StoreUnavailableException}, which the SIP edge answers with 503 and Retry-After.
 */
public record GridDeadline(Duration timeout) {

    /** One second: well above a healthy round trip (under a millisecond on a LAN), well below T1 x 2^3. */
    public static final GridDeadline DEFAULT = new GridDeadline(Duration.ofSeconds(1));

    public GridDeadline {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the grid deadline must be positive, not " + timeout);
        }
    }

    /**
     * The value of a grid operation, waited for at most {@link #timeout}.
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
            Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
            if (cause instanceof RuntimeException runtime && !(cause instanceof com.hazelcast.core.HazelcastException)) {
                throw runtime; // a bug in a processor or a serializer: not the grid being away
            }
            throw new StoreUnavailableException(operation + " " + key, timeout, cause);
        }
    }
}
