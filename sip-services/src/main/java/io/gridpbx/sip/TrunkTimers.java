package io.gridpbx.sip;

import java.time.Duration;

/**
 * The timers of calls, which the SIP stack does not keep itself: those of calls to the PSTN, and the
 * longest any answered call may last.
 *
 * @param silence how long a gateway may stay silent (not even 100 Trying) before the call tries the next
 *                gateway; a carrier that is up answers within a round trip, the transaction's Timer B waits 32 s
 * @param ringing how long a call may ring through a carrier before it ends with 480 No Answer (RFC 3261's
 *                Timer C, which the stack lacks)
 * @param longestCall how long an answered call may last before the node that routed it ends it with a BYE
 *                to each party ({@code MAX_DURATION}); the grid's dialog timeout is the same length, for a
 *                call whose node died
 */
public record TrunkTimers(Duration silence, Duration ringing, Duration longestCall) {

    /** The longest call unless set: four hours, as the node's {@code gridpbx.calls.max-call-length}. */
    public static final Duration LONGEST_CALL = Duration.ofHours(4);
    public static final TrunkTimers DEFAULTS = new TrunkTimers(Duration.ofSeconds(4), Duration.ofMinutes(3));

    public TrunkTimers {
        if (silence.isNegative() || silence.isZero() || ringing.isNegative() || ringing.isZero()
                || longestCall.isNegative() || longestCall.isZero()) {
            throw new IllegalArgumentException("call timers must be positive");
        }
    }

    public TrunkTimers(Duration silence, Duration ringing) {
        this(silence, ringing, LONGEST_CALL);
    }
}
