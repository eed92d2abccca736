package io.gridpbx.persistence.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which failures of a Galera cluster are worth retrying, and how. On Galera the statement in
 * flight on a dying node always fails, a write may lose certification against a concurrent write
 * on another node (reported as a deadlock), and a node that has left the primary component answers
 * "WSREP has not yet prepared node for application use": all of these pass when retried, on the same
 * node after a pause or on another node after the pool replaces the connection.
 */
public final class GaleraRetry {

    private static final Logger LOG = LoggerFactory.getLogger(GaleraRetry.class);

    /** 1213 deadlock or certification conflict, 1205 lock wait timeout, 1047 WSREP not ready, 1180 error during commit. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1213, 1205, 1047, 1180);

    private final int maxAttempts;
    private final long firstBackoffMillis;
    private final long maxBackoffMillis;

    public GaleraRetry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
        this.firstBackoffMillis = firstBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
    }

    /**
     * Up to 8 attempts with backoff up to 2 s between them: enough for a node's death. When the whole
     * cluster is away, one attempt can itself last long (Connector/J cycles through every host of the
     * URL before it fails); the write-behind thread then waits in it and stores its batch when the
     * database returns, while the grid keeps serving on its own threads.
     */
    public static GaleraRetry standard() {
        return new GaleraRetry(8, Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    /** Whether a failure is transient on Galera (see the class comment). */
    public static boolean isRetryable(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (RETRYABLE_CODES.contains(sql.getErrorCode())
                        || state != null && (state.startsWith("08") || state.equals("40001"))) {
                    return true;
                }
            }
        }
        return false;
    }

    <T> T run(String what, Attempt<T> attempt) throws SQLException {
        long backoff = firstBackoffMillis;
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (SQLException failure) {
                if (!isRetryable(failure) || tried >= maxAttempts) {
                    throw failure;
                }
                LOG.debug("{} failed ({} {}), attempt {} of {}, retrying in {} ms", what, failure.getErrorCode(),
                        failure.getMessage(), tried, maxAttempts, backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, maxBackoffMillis);
            }
        }
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLRecoverableException("interrupted while waiting to retry", e);
        }
    }

    /** One try of a unit of work. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }
}
