package io.gridpbx.sip;

import java.time.Duration;

/**
 * The timers of calls to the PSTN, which the SIP stack does not keep itself.
 *
 * @param silence how long a gateway may stay silent (not even 100 Trying) before the call tries the next
 *                gateway; a carrier that is up answers within a round trip, the transaction's Timer B waits 32 s
 * @param ringing how long a call may ring through a carrier before it ends with 480 No Answer (RFC 3261's
 *                Timer C, which the stack lacks)
 */
public record TrunkTimers(Duration silence, Duration ringing) {

    public static final TrunkTimers DEFAULTS = new TrunkTimers(Duration.ofSeconds(4), Duration.ofMinutes(3));

    public TrunkTimers {
        if (silence.isNegative() || silence.isZero() || ringing.isNegative() || ringing.isZero()) {
            throw new IllegalArgumentException("trunk timers must be positive");
        }
    }
}
