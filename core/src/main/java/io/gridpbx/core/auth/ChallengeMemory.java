package io.gridpbx.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers the challenge sent for a request for a while, so that a retransmission of that request
 * gets the very same 401/407 (RFC 3261 section 17.2: a retransmission gets the same response).
 * Challenges are answered statelessly; without this, each retransmission would carry a fresh nonce
 * and a strict phone takes the second challenge for a new one.
 *
 * <p>Two generations of a plain map, swapped every half window: lookups and inserts are one map
 * operation, and memory is bounded by the request rate times the window.
 */
public final class ChallengeMemory {

    private final Clock clock;
    private final long halfWindowMillis;
    private volatile Generation current;
    private volatile Generation previous;

    private record Generation(long startedAtMillis, ConcurrentHashMap<String, DigestAuthenticator.Verdict.Challenge> byRequest) {
        Generation(long startedAtMillis) {
            this(startedAtMillis, new ConcurrentHashMap<>());
        }
    }

    /** @param window how long a retransmission can still arrive; UDP's Timer F/J say 32 s at most */
    public ChallengeMemory(Clock clock, Duration window) {
        this.clock = clock;
        this.halfWindowMillis = Math.max(1, window.toMillis() / 2);
        this.current = new Generation(clock.millis());
        this.previous = new Generation(clock.millis());
    }

    /** The challenge already sent for this request, or the new one, remembered under its key. */
    public DigestAuthenticator.Verdict.Challenge remember(String requestKey,
            Supplier<DigestAuthenticator.Verdict.Challenge> fresh) {
        Generation now = rotateIfDue();
        DigestAuthenticator.Verdict.Challenge earlier = previous.byRequest().get(requestKey);
        if (earlier != null) {
            return earlier;
        }
        return now.byRequest().computeIfAbsent(requestKey, key -> fresh.get());
    }

    private Generation rotateIfDue() {
        Generation now = current;
        long millis = clock.millis();
        if (millis - now.startedAtMillis() < halfWindowMillis) {
            return now;
        }
        synchronized (this) {
            if (current == now) {
                // After a quiet spell of a whole window, the last generation is too old to keep.
                previous = millis - now.startedAtMillis() < 2 * halfWindowMillis ? now : new Generation(millis);
                current = new Generation(millis);
            }
            return current;
        }
    }
}
