package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.tenancy.DomainName;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Established calls in the {@code dialogs} map. Writes are asynchronous: the proxy relays the 200 OK
 * without waiting for the grid. The BYE's 200 removes the dialog and turns it into a CDR. A dialog
 * whose BYE never came expires after a day.
 */
public final class HazelcastDialogRegistry implements DialogRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastDialogRegistry.class);
    private static final long MAX_DIALOG_HOURS = 24;

    private final IMap<String, Dialog> dialogs;
    private final CdrStore cdrs;
    private final String nodeId;
    private final Clock clock;
    private final GridDeadline deadline;

    public HazelcastDialogRegistry(HazelcastInstance grid, CdrStore cdrs, String nodeId, Clock clock) {
        this(grid, cdrs, nodeId, clock, GridDeadline.DEFAULT);
    }

    /** @param deadline how long a lookup of the SIP path may take on the dialog's owner */
    public HazelcastDialogRegistry(HazelcastInstance grid, CdrStore cdrs, String nodeId, Clock clock,
            GridDeadline deadline) {
        this.deadline = deadline;
        this.dialogs = grid.getMap(MapNames.DIALOGS);
        this.cdrs = cdrs;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    @Override
    public void started(Dialog dialog) {
        dialogs.setAsync(dialog.id().key(), dialog, MAX_DIALOG_HOURS, TimeUnit.HOURS);
    }

    @Override
    public void ended(DialogId id) {
        ended(id, "ANSWERED");
    }

    @Override
    public void ended(DialogId id, String disposition) {
        long endedAt = clock.millis();
        // Only the request that removes the dialog writes its CDR: a retransmitted BYE finds nothing.
        dialogs.removeAsync(id.key()).whenComplete((dialog, failure) -> {
            if (failure != null) {
                LOG.warn("could not end dialog {}: {}", id.key(), failure.toString());
            } else if (dialog != null) {
                cdrs.record(Cdr.answered(dialog, endedAt, nodeId, disposition));
            }
        });
    }

    @Override
    public void targetRefreshed(DialogId id, String senderTag, String senderContact, String responderContact) {
        dialogs.submitToKey(id.key(), new RefreshTargetsProcessor(senderTag, senderContact, responderContact))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.warn("could not refresh the targets of dialog {}: {}", id.key(), failure.toString());
                    }
                });
    }

    @Override
    public CompletionStage<Optional<Dialog>> find(DialogId id) {
        return deadline.bound(dialogs.getAsync(id.key()), "dialog", id.key()).thenApply(Optional::ofNullable);
    }

    @Override
    public int activeCount() {
        return dialogs.size();
    }

    @Override
    public int activeSetUpBy(String nodeId) {
        return dialogs.keySet(Predicates.equal("node", nodeId)).size();
    }

    @Override
    public List<Dialog> activeWithin(String domain) {
        return dialogs.values(Predicates.or(Predicates.like("caller", "%" + domain), Predicates.like("callee", "%" + domain)))
                .stream().filter(d -> DomainName.isWithin(d.caller().domain(), domain)
                        || DomainName.isWithin(d.callee().domain(), domain)).toList();
    }
}
