package io.gridpbx.core.location;

import io.gridpbx.core.text.PackedStrings;
import io.gridpbx.core.text.SharedStrings;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One contact bound to an address of record (RFC 3261 section 10.3), with absolute expiry and what
 * the registrar learnt about where the REGISTER came from. A value, compared by all its parts.
 *
 * <p>A binding is kept for every registration, on its owner and on its backup, so it is kept small:
 * its contact, Call-ID and source in one packed array, and one shared copy of the node id and the
 * User-Agent (a deployment has a few of each).
 */
public final class Binding {

    public static final int DEFAULT_Q = 1000;

    private static final int CONTACT = 0;
    private static final int CALL_ID = 1;
    private static final int SOURCE = 2;

    private final byte[] packed;
    private final long expiresAtMillis;
    private final int qMillis;
    private final long cseq;
    private final String nodeId;
    private final @Nullable String userAgent;
    private final long updatedAtMillis;

    /**
     * @param contactUri      the Contact URI as sent, without header parameters
     * @param expiresAtMillis absolute expiry, epoch milliseconds
     * @param qMillis         the q-value in thousandths (q=0.5 is 500); 1000 when absent
     * @param callId          Call-ID of the REGISTER that last changed this binding
     * @param cseq            CSeq number of that REGISTER
     * @param source          transport-level source of that REGISTER, {@code transport:host:port}
     * @param nodeId          the node that received it (it owns the NAT pinhole)
     * @param userAgent       the User-Agent header, if any
     * @param updatedAtMillis when the binding was last refreshed, epoch milliseconds
     */
    public Binding(String contactUri, long expiresAtMillis, int qMillis, String callId, long cseq, String source,
            String nodeId, @Nullable String userAgent, long updatedAtMillis) {
        if (qMillis < 0 || qMillis > 1000) {
            throw new IllegalArgumentException("q must be between 0 and 1");
        }
        this.packed = PackedStrings.pack(contactUri, callId, source);
        this.expiresAtMillis = expiresAtMillis;
        this.qMillis = qMillis;
        this.cseq = cseq;
        this.nodeId = SharedStrings.NODE_IDS.of(nodeId);
        this.userAgent = userAgent == null ? null : SharedStrings.USER_AGENTS.of(userAgent);
        this.updatedAtMillis = updatedAtMillis;
    }

    public String contactUri() {
        return PackedStrings.unpack(packed, CONTACT);
    }

    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    public int qMillis() {
        return qMillis;
    }

    public String callId() {
        return PackedStrings.unpack(packed, CALL_ID);
    }

    public long cseq() {
        return cseq;
    }

    public String source() {
        return PackedStrings.unpack(packed, SOURCE);
    }

    public String nodeId() {
        return nodeId;
    }

    public @Nullable String userAgent() {
        return userAgent;
    }

    public long updatedAtMillis() {
        return updatedAtMillis;
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
        return ContactUris.matchKey(contactUri());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Binding b && expiresAtMillis == b.expiresAtMillis && qMillis == b.qMillis && cseq == b.cseq
                && updatedAtMillis == b.updatedAtMillis && Arrays.equals(packed, b.packed) && nodeId.equals(b.nodeId)
                && Objects.equals(userAgent, b.userAgent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(packed), expiresAtMillis, qMillis, cseq, nodeId, userAgent, updatedAtMillis);
    }

    @Override
    public String toString() {
        return "Binding[contactUri=" + contactUri() + ", expiresAtMillis=" + expiresAtMillis + ", qMillis=" + qMillis
                + ", callId=" + callId() + ", cseq=" + cseq + ", source=" + source() + ", nodeId=" + nodeId
                + ", userAgent=" + userAgent + ", updatedAtMillis=" + updatedAtMillis + "]";
    }
}
