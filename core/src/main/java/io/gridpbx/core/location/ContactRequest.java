package io.gridpbx.core.location;

import org.jspecify.annotations.Nullable;

/**
 * One Contact header value of a REGISTER.
 *
 * @param uri           the contact URI
 * @param expires       its {@code expires} parameter in seconds, or null when absent
 * @param qMillis       its q-value in thousandths, {@link Binding#DEFAULT_Q} when absent
 */
public record ContactRequest(String uri, @Nullable Integer expires, int qMillis) {

    public ContactRequest {
        if (uri.isBlank()) {
            throw new IllegalArgumentException("contact URI must not be blank");
        }
        if (expires != null && expires < 0) {
            throw new IllegalArgumentException("expires must not be negative");
        }
        if (qMillis < 0 || qMillis > 1000) {
            throw new IllegalArgumentException("q must be between 0 and 1");
        }
    }
}
