package io.gridpbx.core.trunking;

/**
 * What a carrier answered one REGISTER (RFC 3261 section 10.2), a digest challenge already answered.
 *
 * @param status         the final answer; 408 when none came in time
 * @param grantedSeconds the lifetime the registrar granted (our Contact's {@code expires}, else the
 *                       Expires header, section 10.2.4); 0 when the answer said none
 * @param minExpires     a 423's Min-Expires (section 10.3 step 7); 0 otherwise
 */
public record RegisterOutcome(int status, int grantedSeconds, int minExpires) {

    /** No final answer within the sender's patience, or nothing could be sent. */
    public static RegisterOutcome silent() {
        return new RegisterOutcome(408, 0, 0);
    }

    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
