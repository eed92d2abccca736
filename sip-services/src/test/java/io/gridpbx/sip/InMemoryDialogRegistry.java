package io.gridpbx.sip;

import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.tenancy.DomainName;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The dialog registry of one JVM, keeping every dialog it saw start so that tests can look back. */
final class InMemoryDialogRegistry implements DialogRegistry {

    private final ConcurrentHashMap<String, Dialog> active = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Dialog> started = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Cdr> records = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void started(Dialog dialog) {
        started.add(dialog);
        active.put(dialog.id().key(), dialog);
    }

    @Override
    public void ended(DialogId id) {
        ended(id, Cdr.ANSWERED);
    }

    @Override
    public void ended(DialogId id, String disposition) {
        Dialog dialog = active.remove(id.key());
        if (dialog != null) {
            records.add(Cdr.answered(dialog, System.currentTimeMillis(), dialog.nodeId(), disposition));
        }
    }

    @Override
    public void unanswered(Cdr cdr) {
        records.add(cdr);
    }

    /** The records of the calls that ended, answered or not, in the order they ended. */
    List<Cdr> records() {
        return List.copyOf(records);
    }

    @Override
    public void targetRefreshed(DialogId id, String senderTag, String senderContact, String responderContact) {
        active.computeIfPresent(id.key(), (key, dialog) -> dialog.refreshed(senderTag, senderContact, responderContact));
    }

    @Override
    public java.util.concurrent.CompletionStage<Optional<Dialog>> find(DialogId id) {
        lookups.incrementAndGet();
        return java.util.concurrent.CompletableFuture.completedFuture(Optional.ofNullable(active.get(id.key())));
    }

    @Override
    public int activeSetUpBy(String nodeId) {
        return (int) active.values().stream().filter(d -> d.nodeId().equals(nodeId)).count();
    }

    @Override
    public int activeCount() {
        return active.size();
    }

    @Override
    public List<Dialog> activeWithin(String domain) {
        return active.values().stream().filter(d -> DomainName.isWithin(d.caller().domain(), domain)
                || DomainName.isWithin(d.callee().domain(), domain)).toList();
    }

    /** How many times a dialog was looked up here (each one a grid read in a real node). */
    int lookups() {
        return lookups.get();
    }

    /** Every dialog that ever started, oldest first. */
    List<Dialog> startedDialogs() {
        return List.copyOf(started);
    }

    /** Active dialogs of one call. */
    List<Dialog> activeWithCallId(String callId) {
        return active.values().stream().filter(d -> d.id().callId().equals(callId)).toList();
    }
}
