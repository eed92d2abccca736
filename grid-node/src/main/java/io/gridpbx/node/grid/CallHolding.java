package io.gridpbx.node.grid;

import java.util.List;

/**
 * The slots one call holds, by Call-ID: written before the call takes them, so that a member dying
 * half-way leaves a record the reconciliation gives back.
 *
 * @param keys            the limits whose slots the call takes
 * @param member          the member that admitted the call (its UUID): the call dies with it
 * @param admittedAtMillis when: a call still setting up has no dialog yet
 */
record CallHolding(List<String> keys, String member, long admittedAtMillis) {

    CallHolding {
        keys = List.copyOf(keys);
    }
}
