package io.gridpbx.media.ng;

import java.time.Duration;

/**
 * How the ng control port runs.
 *
 * @param bindHost       the local address of the control socket (the node's SIP host)
 * @param port           its UDP port; 0 for any free one
 * @param replyTtl       how long a reply is kept for a retransmitted request
 * @param replyCacheSize at most this many replies are kept
 * @param callTimeout    a call with no RTP and no signalling for this long is deleted (the proxy lost it)
 * @param holdTimeout    the same while its streams are held
 */
public record NgConfig(String bindHost, int port, Duration replyTtl, int replyCacheSize, Duration callTimeout,
                       Duration holdTimeout) {

    /** Longer than any proxy retries a request (Kamailio: tout_ms times retr, a few seconds). */
    public static final Duration DEFAULT_REPLY_TTL = Duration.ofSeconds(30);
    public static final int DEFAULT_REPLY_CACHE_SIZE = 10_000;
    /** rtpengine's defaults: {@code timeout=60}, {@code silent-timeout=3600}. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HOLD_TIMEOUT = Duration.ofHours(1);

    public NgConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("ng port out of 0..65535: " + port);
        }
        if (callTimeout.isNegative() || callTimeout.isZero() || holdTimeout.compareTo(callTimeout) < 0) {
            throw new IllegalArgumentException("call timeouts: " + callTimeout + ", hold " + holdTimeout);
        }
    }

    public static NgConfig of(String bindHost, int port) {
        return new NgConfig(bindHost, port, DEFAULT_REPLY_TTL, DEFAULT_REPLY_CACHE_SIZE, DEFAULT_CALL_TIMEOUT,
                DEFAULT_HOLD_TIMEOUT);
    }

    public NgConfig withCallTimeout(Duration timeout, Duration hold) {
        return new NgConfig(bindHost, port, replyTtl, replyCacheSize, timeout, hold);
    }
}
