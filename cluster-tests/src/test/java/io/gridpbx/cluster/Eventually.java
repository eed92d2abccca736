package io.gridpbx.cluster;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a condition on something outside the test JVM (a node process, a port): polls a probe
 * until its value satisfies the condition, and fails with the last value seen when time runs out.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(250);

    private Eventually() {
    }

    /**
     * @param what    what is awaited, for the failure message
     * @param timeout how long to wait at most
     * @param probe   reads the current value; an exception counts as "not yet"
     * @param done    whether that value is the one awaited
     * @return the first value that satisfied {@code done}
     */
    static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        @Nullable T last = null;
        @Nullable Exception lastError = null;
        while (true) {
            try {
                T value = probe.call();
                if (done.test(value)) {
                    return value;
                }
                last = value;
                lastError = null;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError failure = new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for "
                        + what + "; last seen: " + (lastError != null ? lastError : last));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            Thread.sleep(POLL);
        }
    }
}
