package io.gridpbx.node.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.limits.CallSlots;
import io.gridpbx.core.tenancy.DomainName;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Established calls in the {@code dialogs} map. Writes are asynchronous: the proxy relays the 200 OK
 * without waiting for the grid. The BYE's 200 removes the dialog and turns it into a CDR, rated and
 * charged ({@link CallBilling#close}).
 *
 * <p>A dialog whose BYE never comes (the node in its path died with it) expires: {@link #GRACE} after
 * the end the platform set it, or after the longest call allowed if that comes first. The member that
 * owns its entry, and only that one (a local listener), then writes its CDR as {@code DIALOG_TIMEOUT},
 * ended when the dialog expired, rated, and gives its call slots back. An expiry and a BYE cannot both
 * close a call: both run on the entry's partition thread, and the BYE's removal of an expired dialog
 * finds nothing.
 */
public final class HazelcastDialogRegistry implements DialogRegistry, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastDialogRegistry.class);
    /** The disposition of a call whose dialog expired. */
    public static final String DIALOG_TIMEOUT = "DIALOG_TIMEOUT";
    /** How long past its set end a dialog is kept: its node ends it then, and its BYE takes a moment. */
    public static final Duration GRACE = Duration.ofSeconds(30);
    /** The longest call of a registry built without one. */
    public static final Duration DEFAULT_MAX_CALL_LENGTH = Duration.ofHours(24);

    private final IMap<String, Dialog> dialogs;
    private final CdrStore cdrs;
    private final @Nullable CallBilling billing;
    private final @Nullable CallSlots slots;
    private final String nodeId;
    private final Clock clock;
    private final GridDeadline deadline;
    private final Duration maxCallLength;
    private final UUID expiries;

    /** A registry that rates nothing and frees no slots, its calls expiring after a day. */
    public HazelcastDialogRegistry(HazelcastInstance grid, CdrStore cdrs, String nodeId, Clock clock) {
        this(grid, cdrs, nodeId, clock, GridDeadline.DEFAULT);
    }

    /** @param deadline how long a lookup of the SIP path may take on the dialog's owner */
    public HazelcastDialogRegistry(HazelcastInstance grid, CdrStore cdrs, String nodeId, Clock clock,
            GridDeadline deadline) {
        this(grid, cdrs, null, null, nodeId, clock, deadline, DEFAULT_MAX_CALL_LENGTH);
    }

    /**
     * @param billing       rates each closing record and charges it
     * @param slots         gives back the call slots of a call whose dialog expired
     * @param deadline      how long a lookup of the SIP path may take on the dialog's owner
     * @param maxCallLength how long any call may last before its dialog expires, whatever end the platform set it
     */
    public HazelcastDialogRegistry(HazelcastInstance grid, CdrStore cdrs, @Nullable CallBilling billing,
            @Nullable CallSlots slots, String nodeId, Clock clock, GridDeadline deadline, Duration maxCallLength) {
        if (maxCallLength.isNegative() || maxCallLength.isZero()) {
            throw new IllegalArgumentException("the longest call must be positive, not " + maxCallLength);
        }
        this.dialogs = grid.getMap(MapNames.DIALOGS);
        this.cdrs = cdrs;
        this.billing = billing;
        this.slots = slots;
        this.nodeId = nodeId;
        this.clock = clock;
        this.deadline = deadline;
        this.maxCallLength = maxCallLength;
        this.expiries = dialogs.addLocalEntryListener(new Expiry(deadline.callbacks().executor()),
                Predicates.alwaysTrue(), true);
    }

    @Override
    public void started(Dialog dialog) {
        dialogs.setAsync(dialog.id().key(), dialog, timeToLive(dialog, clock.millis()), TimeUnit.MILLISECONDS);
    }

    /**
     * Until {@link #GRACE} past its set end or the longest call, whichever comes first; never 0, which would
     * mean for ever. A paid call's set end is where its funds run out, days away for a well-funded client:
     * when its node died, only the longest call bounds how long its record says it lasted, and what it charges.
     */
    long timeToLive(Dialog dialog, long nowMillis) {
        long longest = maxCallLength.toMillis();
        long millis = dialog.endsAtMillis() > 0
                ? Math.min(dialog.endsAtMillis() - nowMillis + GRACE.toMillis(), longest) : longest;
        return Math.max(1, millis);
    }

    /** When a dialog expires: {@link #timeToLive} after it was answered. */
    long expiresAt(Dialog dialog) {
        return dialog.startedAtMillis() + timeToLive(dialog, dialog.startedAtMillis());
    }

    @Override
    public void unanswered(Cdr cdr) {
        cdrs.record(cdr);
    }

    @Override
    public void ended(DialogId id) {
        ended(id, Cdr.ANSWERED);
    }

    @Override
    public void ended(DialogId id, String disposition) {
        long endedAt = clock.millis();
        // Only the request that removes the dialog writes its CDR: a retransmitted BYE finds nothing. Rated
        // on the callback threads: the removal may complete on the partition thread, which must not wait.
        dialogs.removeAsync(id.key()).whenCompleteAsync((dialog, failure) -> {
            if (failure != null) {
                LOG.warn("could not end dialog {}: {}", id.key(), failure.toString());
            } else if (dialog != null) {
                close(dialog, endedAt, disposition);
            }
        }, deadline.callbacks().executor());
    }

    /** The dialog's record, rated and charged when billing is on; unrated (and said so) when the rating fails. */
    private void close(Dialog dialog, long endedAt, String disposition) {
        Cdr cdr = Cdr.answered(dialog, endedAt, nodeId, disposition);
        Cdr rated = cdr;
        if (billing != null) {
            try {
                rated = billing.close(cdr);
            } catch (RuntimeException e) {
                LOG.warn("call {} could not be rated; its record is kept unrated: {}", cdr.callId(), e.toString());
            }
        }
        cdrs.record(rated);
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

    /** Stops closing the dialogs that expire on this member; the grid may already be down. */
    @Override
    public void close() {
        try {
            dialogs.removeEntryListener(expiries);
        } catch (RuntimeException e) {
            LOG.debug("dialog expiries: {}", e.toString());
        }
    }

    /**
     * The dialogs that expire among this member's entries. The event comes on an event thread, after the
     * entry left the map; the record is written on the callback threads, as rating may read the grid.
     */
    private final class Expiry implements EntryExpiredListener<String, Dialog> {
        private final Executor threads;

        Expiry(Executor threads) {
            this.threads = threads;
        }

        @Override
        public void entryExpired(EntryEvent<String, Dialog> event) {
            Dialog dialog = event.getOldValue() != null ? event.getOldValue() : event.getValue();
            if (dialog == null) {
                LOG.warn("dialog {} expired without its value: no record written", event.getKey());
                return;
            }
            // Seen when the member's sweep of expired entries came to its partition, which may be a minute
            // later (it visits a few partitions a round): the call ended when its dialog expired.
            long endedAt = Math.min(clock.millis(), expiresAt(dialog));
            threads.execute(() -> {
                LOG.info("call {} timed out: its dialog expired without a BYE", dialog.id().callId());
                close(dialog, endedAt, DIALOG_TIMEOUT);
                if (slots != null) {
                    slots.release(dialog.id().callId());
                }
            });
        }
    }
}
