package io.gridpbx.admin;

import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.alerts.InternationalCallsRule;
import io.gridpbx.core.tenancy.DomainName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Active calls and CDRs in plain collections: what the grid's registry and CDR store give the views. */
public final class InMemoryCalls implements DialogRegistry, CdrStore {

    private final Map<DialogId, Dialog> active = new ConcurrentHashMap<>();
    private final List<Cdr> cdrs = new CopyOnWriteArrayList<>();

    @Override
    public void started(Dialog dialog) {
        active.put(dialog.id(), dialog);
    }

    @Override
    public void ended(DialogId id) {
        active.remove(id);
    }

    @Override
    public void targetRefreshed(DialogId id, String senderTag, String senderContact, String responderContact) {
        active.computeIfPresent(id, (key, dialog) -> dialog.refreshed(senderTag, senderContact, responderContact));
    }

    @Override
    public java.util.concurrent.CompletionStage<Optional<Dialog>> find(DialogId id) {
        return java.util.concurrent.CompletableFuture.completedFuture(Optional.ofNullable(active.get(id)));
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

    @Override
    public void record(Cdr cdr) {
        cdrs.add(cdr);
    }

    @Override
    public List<Cdr> within(String domain, long fromMillis, long toMillis) {
        return cdrs.stream().filter(c -> DomainName.isWithin(c.clientDomain(), domain))
                .filter(c -> c.startedAtMillis() >= fromMillis && c.startedAtMillis() < toMillis).toList();
    }

    @Override
    public Map<String, Long> dialledWithPrefixPerClient(List<String> prefixes, long fromMillis, long toMillis) {
        Map<String, Long> perClient = new java.util.HashMap<>();
        cdrs.stream().filter(c -> c.startedAtMillis() >= fromMillis && c.startedAtMillis() < toMillis)
                .filter(c -> InternationalCallsRule.dialsWithPrefix(c.callee().user(), prefixes))
                .forEach(c -> perClient.merge(c.clientDomain(), 1L, Long::sum));
        return perClient;
    }
}
