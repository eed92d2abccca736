package io.gridpbx.sip;

import io.gridpbx.core.auth.DigestOfferLog;
import io.gridpbx.core.digest.DigestAlgorithm;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per rejected request, bounded: a flood of garbage must not become a flood of log
 * lines, so past {@code perSecond} lines in a second the rest are counted and summed up in the
 * next line that gets through. A digest answer with an algorithm its realm does not offer is one
 * such rejection: the line says what was offered, which is what the operator of that phone needs.
 */
public final class RejectionLog implements DigestOfferLog {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);

    private final Clock clock;
    private final int perSecond;
    private final AtomicLong window = new AtomicLong();
    private final AtomicLong inWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    public RejectionLog(Clock clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /** Logs "status reason method from source" unless this second's budget is spent. */
    public void rejected(int status, String reason, String method, String source) {
        long skipped = admit();
        if (skipped < 0) {
            return;
        }
        if (skipped > 0) {
            LOG.info("rejected {} {} {} from {} ({} more rejections not logged)", method, status, reason, source, skipped);
        } else {
            LOG.info("rejected {} {} {} from {}", method, status, reason, source);
        }
    }

    @Override
    public void unoffered(String realm, String username, String answered, List<DigestAlgorithm> offered) {
        long skipped = admit();
        if (skipped < 0) {
            return;
        }
        String more = skipped > 0 ? " (" + skipped + " more rejections not logged)" : "";
        LOG.info("challenged {}@{} again: it answered with {}, the realm offers {}{}", username, realm, answered,
                DigestAlgorithm.tokens(offered), more);
    }

    /** Takes a line from this second's budget: how many were suppressed before it, or -1 when spent. */
    private long admit() {
        long second = clock.millis() / 1000;
        if (window.getAndSet(second) != second) {
            inWindow.set(0);
        }
        if (inWindow.incrementAndGet() > perSecond) {
            suppressed.incrementAndGet();
            return -1;
        }
        return suppressed.getAndSet(0);
    }
}
