package io.gridpbx.core.location;

import org.jspecify.annotations.Nullable;

/**
 * One contact bound to an address of record (RFC 3261 section 10.3), with absolute expiry and what
 * the registrar learnt about where the REGISTER came from.
 *
 * @param contactUri   the Contact URI as sent, without header parameters
 * @param expiresAtMillis absolute expiry, epoch milliseconds
 * @param qMillis      the q-value in thousandths (q=0.5 is 500); 1000 when absent
 * @param callId       Call-ID of the REGISTER that last changed this binding
 * @param cseq         CSeq number of that REGISTER
 * @param source       transport-level source of that REGISTER, {@code transport:host:port}
 * @param nodeId       the node that received it (it owns the NAT pinhole)
 * @param userAgent    the User-Agent header, if any
 * @param updatedAtMillis when the binding was last refreshed, epoch milliseconds
 */
public record Binding(
        String contactUri,
        long expiresAtMillis,
        int qMillis,
        String callId,
        long cseq,
        String source,
        String nodeId,
        @Nullable String userAgent,
        long updatedAtMillis) {

    public static final int DEFAULT_Q = 1000;

    public Binding {
        if (qMillis < 0 || qMillis > 1000) {
            throw new IllegalArgumentException("q must be between 0 and 1");
        }
    }

    public boolean isLiveAt(long nowMillis) {
        return expiresAtMillis > nowMillis;
    }

    /** Whole seconds left, rounded up so that a live binding never shows expires=0. */
    public int secondsLeftAt(long nowMillis) {
        long left = expiresAtMillis - nowMillis;
        return left <= 0 ? 0 : (int) ((left + 999) / 1000);
    }

    /** The key by which two Contact URIs denote the same binding. */
    public String matchKey() {
        return ContactUris.matchKey(contactUri);
    }
}
