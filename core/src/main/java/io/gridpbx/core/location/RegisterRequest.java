package io.gridpbx.core.location;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A REGISTER reduced to what the binding rules need (RFC 3261 section 10.3 steps 6 to 8).
 *
 * @param aor            the address of record from the To header
 * @param contacts       the Contact header values; empty for a query
 * @param wildcard       true when the request carried {@code Contact: *}
 * @param headerExpires  the Expires header in seconds, or null when absent
 * @param callId         Call-ID
 * @param cseq           CSeq number
 * @param source         where it came from, {@code transport:host:port}
 * @param nodeId         the node that received it
 * @param userAgent      the User-Agent header, if any
 */
public record RegisterRequest(
        AddressOfRecord aor,
        List<ContactRequest> contacts,
        boolean wildcard,
        @Nullable Integer headerExpires,
        String callId,
        long cseq,
        String source,
        String nodeId,
        @Nullable String userAgent) {

    public RegisterRequest {
        contacts = List.copyOf(contacts);
        if (headerExpires != null && headerExpires < 0) {
            throw new IllegalArgumentException("Expires must not be negative");
        }
    }
}
