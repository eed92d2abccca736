package io.gridpbx.sip;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per rejected request, bounded: a flood of garbage must not become a flood of log
 * lines, so past {@code perSecond} lines in a second the rest are counted and summed up in the
 * next line that gets through.
 */
public final class RejectionLog {

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
        long second = clock.millis() / 1000;
        if (window.getAndSet(second) != second) {
            inWindow.set(0);
        }
        if (inWindow.incrementAndGet() > perSecond) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        if (skipped > 0) {
            LOG.info("rejected {} {} {} from {} ({} more rejections not logged)", method, status, reason, source, skipped);
        } else {
            LOG.info("rejected {} {} {} from {}", method, status, reason, source);
        }
    }
}
