package io.gridpbx.core.auth;

import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The highest nonce-count ({@code nc}) each nonce was accepted with. A client that reuses a nonce
 * counts up (RFC 7616 section 3.4); a request whose count is not higher is a replay of one already
 * seen (a captured REGISTER or INVITE sent again) and is challenged again, as stale, so a real phone
 * answers a fresh nonce without asking its user. One exception: the very request that was accepted,
 * retransmitted within the retransmission window (same method, Call-ID and CSeq; UDP loses answers,
 * and the registrar answers statelessly), is the same request, not a replay. {@link NonceUse} holds
 * the rule; an implementation decides where the counts live: on one node
 * ({@link LocalNonceCounts}) or in the grid, so a replay sent to another node is refused too.
 */
public interface NonceCounts {

    /**
     * Whether a request carrying this count may go on: the count is higher than every count this nonce
     * was accepted with so far (and is now the highest), or this is the request that carried the
     * highest, retransmitted. Atomic per nonce: of two copies of a request arriving at once, one passes.
     *
     * @param nonce          the nonce, qualified by the user that answered it
     * @param requestKey     the request's method, Call-ID and CSeq; null when it has none to compare
     * @param issuedAtMillis when the nonce was issued ({@link NonceService#issuedAtMillis}); the nonce is
     *                       valid (its seal checked) when this is called
     * @return completes with the answer; asynchronous, since the counts may live in the grid
     */
    CompletionStage<Boolean> advance(String nonce, long count, @Nullable String requestKey, LongSupplier issuedAtMillis);
}
