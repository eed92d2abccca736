package io.gridpbx.core.auth;

import org.jspecify.annotations.Nullable;

/**
 * The highest count a nonce was accepted with, (a hash of) the request that carried it and when: the
 * whole memory of a nonce-count check, and the pure rule that decides the next use (RFC 7616 section
 * 3.4: a client that reuses a nonce counts up). A request key's hash is enough to tell a
 * retransmission, because a replay must also match the count.
 */
public record NonceUse(long count, int requestHash, long atMillis) {

    /** The hash that stands for "no request key": such a use is never taken for a retransmission. */
    private static final int NO_REQUEST = 0;

    /** A use of a nonce by a request ({@link DigestAuthenticator#requestKey}), or by none. */
    public static NonceUse of(long count, @Nullable String requestKey, long atMillis) {
        return new NonceUse(count, requestKey == null ? NO_REQUEST : requestKey.hashCode(), atMillis);
    }

    /**
     * Whether this use may follow {@code top}, the highest use accepted so far (null: none): its
     * count is higher, or it is top's own request again within the retransmission window.
     */
    public boolean mayFollow(@Nullable NonceUse top, long retransmissionMillis) {
        return raises(top) || count == top.count() && requestHash != NO_REQUEST && requestHash == top.requestHash()
                && atMillis - top.atMillis() <= retransmissionMillis;
    }

    /**
     * Whether a nonce nobody remembers a count of may be used now for the first time. A phone answers
     * a challenge at once (RFC 3261 section 22.2), so a first use long after the nonce was issued is
     * more likely a count that a bounded memory let go: refusing it (as stale) costs a real phone one
     * more round trip, trusting it would let a replay through.
     *
     * @param windowMillis how late a first answer may come: a retransmitted challenge, or a slow phone
     */
    public static boolean firstUseInTime(long issuedAtMillis, long nowMillis, long windowMillis) {
        return nowMillis - issuedAtMillis <= windowMillis;
    }

    /** Whether this use is the new highest, to be remembered in place of {@code top}. */
    public boolean raises(@Nullable NonceUse top) {
        return top == null || count > top.count();
    }
}
