package io.gridpbx.core.presence;

import io.gridpbx.core.presence.body.DialogState;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls of one user its watchers see. A call that ended stays a short while as
 * {@link DialogState.State#TERMINATED}, so a watcher notified after the end learns that it ended
 * (RFC 4235 section 3.7.1) rather than seeing it vanish; a state older than the longest call is
 * dropped, whatever it says, so a call whose end was never seen cannot keep a lamp lit.
 *
 * <p>Pure: the time is given, for the grid's entry processor.
 */
public record UserCalls(List<CallState> calls) {

    public static final UserCalls NONE = new UserCalls(List.of());
    /** How long an ended call is still shown as terminated. */
    static final long ENDED_KEPT_MILLIS = 10_000;
    /** A call older than this is no longer believed (longer than the platform lets any call run). */
    static final long STALE_MILLIS = 6 * 3600_000L;
    /** At most this many calls per user are shown (a switchboard's lines). */
    static final int MOST = 32;

    public UserCalls {
        calls = List.copyOf(calls);
    }

    /** The calls after {@code update}: it replaces the same call's earlier state, keeping what that state knew. */
    public UserCalls with(CallState update, long nowMillis) {
        List<CallState> next = new ArrayList<>(calls.size() + 1);
        CallState merged = update;
        for (CallState call : calls) {
            if (call.sameCall(update)) {
                merged = update.keeping(call);
            } else if (isShown(call, nowMillis)) {
                next.add(call);
            }
        }
        next.add(merged);
        while (next.size() > MOST) {
            next.removeFirst();
        }
        return new UserCalls(next);
    }

    /** Whether nothing is left to show. */
    public boolean isEmpty(long nowMillis) {
        return calls.stream().noneMatch(call -> isShown(call, nowMillis));
    }

    /** What the watchers are shown at {@code nowMillis}. */
    public List<CallState> shownAt(long nowMillis) {
        return calls.stream().filter(call -> isShown(call, nowMillis)).toList();
    }

    /** Whether the user is in an answered call: its presence says "on the phone". */
    public boolean onThePhone(long nowMillis) {
        return shownAt(nowMillis).stream().anyMatch(call -> call.state() == DialogState.State.CONFIRMED);
    }

    private static boolean isShown(CallState call, long nowMillis) {
        long age = nowMillis - call.sinceMillis();
        return call.state() == DialogState.State.TERMINATED ? age < ENDED_KEPT_MILLIS : age < STALE_MILLIS;
    }
}
