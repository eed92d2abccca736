package io.gridpbx.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Remembers the challenge sent for a request for a while, so that a retransmission of that request
 * gets the very same 401/407 (RFC 3261 section 17.2: a retransmission gets the same response).
 * Challenges are answered statelessly; without this, each retransmission would carry a fresh nonce
 * and a strict phone takes the second challenge for a new one.
 */
public final class ChallengeMemory {

    private final Generations<DigestAuthenticator.Verdict.Challenge> sent;

    /** @param window how long a retransmission can still arrive; UDP's Timer F/J say 32 s at most */
    public ChallengeMemory(Clock clock, Duration window) {
        this.sent = new Generations<>(clock, window);
    }

    /** The challenge already sent for this request, or the new one, remembered under its key. */
    public DigestAuthenticator.Verdict.Challenge remember(String requestKey,
            Supplier<DigestAuthenticator.Verdict.Challenge> fresh) {
        var now = sent.current();
        DigestAuthenticator.Verdict.Challenge earlier = sent.previous().get(requestKey);
        if (earlier != null) {
            return earlier;
        }
        return now.computeIfAbsent(requestKey, key -> fresh.get());
    }
}
