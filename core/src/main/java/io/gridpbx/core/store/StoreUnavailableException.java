package io.gridpbx.core.store;

import java.time.Duration;

/**
 * A port's shared state did not answer within its deadline (a frozen or dying member, partitions
 * migrating): the caller gives up on this request instead of holding its thread. The operation may
 * still complete after the caller gave up, which is safe because the operations on the SIP path are
 * idempotent (a REGISTER applied twice binds the same contacts). On the SIP path it becomes 503 with
 * Retry-After (RFC 3261 section 21.5.4).
 */
public final class StoreUnavailableException extends RuntimeException {

    private final String operation;
    private final Duration deadline;

    /**
     * @param operation what was asked, for logs ("register 200@office.example.com")
     * @param deadline  how long the caller waited
     */
    public StoreUnavailableException(String operation, Duration deadline, Throwable cause) {
        super(operation + ": no answer within " + deadline.toMillis() + " ms", cause);
        this.operation = operation;
        this.deadline = deadline;
    }

    public String operation() {
        return operation;
    }

    public Duration deadline() {
        return deadline;
    }
}
