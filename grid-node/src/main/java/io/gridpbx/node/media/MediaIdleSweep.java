package io.gridpbx.node.media;

import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.media.relay.RelaySession;
import io.gridpbx.sip.SipServer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the calls whose media stopped (issue 10 section 4): a relayed stream with no RTP for
 * {@code gridpbx.media.timeout} ({@code hold-timeout} while on hold) gets its call ended with a BYE
 * to both parties and a {@code MEDIA_TIMEOUT} CDR, as a phone that lost its network never sends
 * one. A silent session the SIP layer does not own (an "ng" client's) is closed.
 */
final class MediaIdleSweep implements AutoCloseable {

    static final String DISPOSITION = "MEDIA_TIMEOUT";
    private static final Logger LOG = LoggerFactory.getLogger(MediaIdleSweep.class);

    private final MediaRelayServer relay;
    private final SipServer sip;
    private final Duration timeout;
    private final Duration holdTimeout;
    private final ScheduledFuture<?> job;

    /** @param timer the media timer of the node, shared with the session publisher */
    MediaIdleSweep(MediaRelayServer relay, SipServer sip, Duration timeout, Duration holdTimeout, Duration every,
            ScheduledExecutorService timer) {
        this.relay = relay;
        this.sip = sip;
        this.timeout = timeout;
        this.holdTimeout = holdTimeout;
        job = timer.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass (the timer's job). */
    void sweep() {
        try {
            Set<String> calls = new LinkedHashSet<>();
            for (RelaySession idle : relay.idleSessions(timeout, holdTimeout)) {
                String key = idle.callId();
                int stream = key.lastIndexOf('#');
                String callId = stream < 0 ? key : key.substring(0, stream);
                if (calls.add(callId) && !sip.endRelayedCall(callId, DISPOSITION)) {
                    LOG.info("closing relay session {}: no RTP for {} s and no call of this node owns it", key,
                            idle.idleFor().toSeconds());
                    idle.close();
                } else if (calls.contains(callId)) {
                    LOG.debug("media of Call-ID {} silent for {} s", callId, idle.idleFor().toSeconds());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("media idle sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        job.cancel(false);
    }
}
