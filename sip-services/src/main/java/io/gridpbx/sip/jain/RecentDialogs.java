package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.Dialog;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The dialogs this node set up in the last 32 seconds (RFC 3261 Timer H: how long a 2xx may wait for
 * its ACK), so that the ACK of a call this node just connected is checked without a grid read, even
 * before the grid has the dialog. Bounded: past its cap the oldest are swept, and past that nothing
 * more is kept (the grid still answers).
 */
final class RecentDialogs {

    private static final long WINDOW_MILLIS = 32_000;
    private static final long SWEEP_EVERY_MILLIS = 1_000;

    private record Recent(Dialog dialog, long expiresAtMillis) {
    }

    private final Clock clock;
    private final int cap;
    private final ConcurrentHashMap<String, Recent> dialogs = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepMillis = new AtomicLong();

    RecentDialogs(Clock clock, int cap) {
        this.clock = clock;
        this.cap = cap;
    }

    void put(Dialog dialog) {
        long now = clock.millis();
        if (dialogs.size() >= cap && !sweep(now)) {
            return;
        }
        dialogs.put(dialog.id().key(), new Recent(dialog, now + WINDOW_MILLIS));
    }

    @Nullable Dialog get(String key) {
        Recent recent = dialogs.get(key);
        if (recent == null) {
            return null;
        }
        if (recent.expiresAtMillis() <= clock.millis()) {
            dialogs.remove(key, recent);
            return null;
        }
        return recent.dialog();
    }

    void refreshed(String key, String senderTag, String senderContact, String responderContact) {
        dialogs.computeIfPresent(key, (k, recent) -> new Recent(
                recent.dialog().refreshed(senderTag, senderContact, responderContact), recent.expiresAtMillis()));
    }

    void remove(String key) {
        dialogs.remove(key);
    }

    /** Drops what expired, at most once a second; says whether there is room again. */
    private boolean sweep(long now) {
        long last = lastSweepMillis.get();
        if (now - last >= SWEEP_EVERY_MILLIS && lastSweepMillis.compareAndSet(last, now)) {
            dialogs.values().removeIf(recent -> recent.expiresAtMillis() <= now);
        }
        return dialogs.size() < cap;
    }
}
