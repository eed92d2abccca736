package io.gridpbx.core.dialog;

import io.gridpbx.core.location.AddressOfRecord;

/**
 * An established call between two users as the proxy tracked it: who called whom, in which client
 * domain, since when and through which node.
 */
public record Dialog(DialogId id, AddressOfRecord caller, AddressOfRecord callee, long startedAtMillis, String nodeId) {
}
