package io.gridpbx.node.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's balance as the grid keeps it: micros, and the ids of the latest changes applied to it
 * (Call-IDs of charges, ids of top-ups), oldest first, so that a change asked for again (a record closed
 * twice, a retried operation) is applied once. Only the latest {@value #REMEMBERED} are kept: a change
 * comes again within seconds, not after a thousand others.
 *
 * @param applied the ids of the latest changes, oldest first
 */
record Balance(long micros, List<String> applied) {

    static final int REMEMBERED = 1024;
    static final Balance NONE = new Balance(0, List.of());

    Balance {
        applied = List.copyOf(applied);
    }

    /** A balance read back from its table: the changes that made it are no longer known. */
    static Balance of(long micros) {
        return new Balance(micros, List.of());
    }

    boolean hasApplied(String changeId) {
        return applied.contains(changeId);
    }

    /** The balance after the change {@code changeId} of {@code deltaMicros} (negative: a debit). */
    Balance after(String changeId, long deltaMicros) {
        int from = Math.max(0, applied.size() + 1 - REMEMBERED);
        List<String> remembered = new ArrayList<>(applied.subList(from, applied.size()));
        remembered.add(changeId);
        return new Balance(micros + deltaMicros, remembered);
    }
}
