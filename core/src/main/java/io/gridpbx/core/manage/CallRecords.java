package io.gridpbx.core.manage;


import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.CallHangup;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.media.MediaSession;
import io.gridpbx.core.media.MediaSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Calls as each level may see them: the active calls live from the grid and the call detail records,
 * filtered, paged and exported as CSV. A user sees its own calls; a client, reseller or the platform
 * the calls of its subtree.
 */
public final class CallRecords {

    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final DialogRegistry dialogs;
    private final CdrStore cdrs;
    private final MediaSessions media;
    private final CallHangup hangups;

    public CallRecords(DialogRegistry dialogs, CdrStore cdrs) {
        this(dialogs, cdrs, MediaSessions.NONE);
    }

    public CallRecords(DialogRegistry dialogs, CdrStore cdrs, MediaSessions media) {
        this(dialogs, cdrs, media, dialog -> CompletableFuture.completedFuture(false));
    }

    /** @param hangups how a call is ended from the management plane */
    public CallRecords(DialogRegistry dialogs, CdrStore cdrs, MediaSessions media, CallHangup hangups) {
        this.dialogs = dialogs;
        this.cdrs = cdrs;
        this.media = media;
        this.hangups = hangups;
    }

    /**
     * Hangs up a call the actor sees ({@link #active}): its node sends a BYE to each party and closes its
     * record as {@code HANGUP}. Completes false when it ended meanwhile. Client administrators and the
     * levels above may; a user may not (its phone hangs up its calls).
     *
     * @throws ForbiddenException for a user
     * @throws NotFoundException  when the actor sees no such call
     */
    public CompletionStage<Boolean> hangUp(Scope actor, String callId) {
        if (!actor.level().isAbove(Level.USER)) {
            throw new ForbiddenException("a user hangs up its calls from its phone");
        }
        Dialog call = active(actor).stream().filter(d -> d.id().callId().equals(callId)).findFirst()
                .orElseThrow(() -> new NotFoundException("call", callId));
        return hangups.hangUp(call);
    }

    /**
     * A report's filter.
     *
     * @param party part of the caller's or callee's address, or of the number dialled; blank for all
     */
    public record Filter(Instant from, Instant to, @Nullable String party) {

        public Filter {
            if (!from.isBefore(to)) {
                throw new ValidationException(FieldError.of("to", "period.order", "the end must be after the start"));
            }
            if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
                throw new ValidationException(FieldError.of("from", "period.length", "at most one year at a time"));
            }
        }
    }

    public List<Dialog> active(Scope actor) {
        return dialogs.activeWithin(actor.domain()).stream()
                .filter(d -> actor.coversUser(d.caller()) || actor.coversUser(d.callee()))
                .sorted(Comparator.comparingLong(Dialog::startedAtMillis)).toList();
    }

    /** The media sessions of calls the actor may see (from {@link #active}), by Call-ID; calls not relayed are absent. */
    public Map<String, MediaSession> media(List<Dialog> visible) {
        return media.findAll(visible.stream().map(d -> d.id().callId()).toList());
    }

    public Page<Cdr> details(Scope actor, Filter filter, int offset, int limit) {
        return Page.of(matching(actor, filter), c -> true,
                Comparator.comparingLong(Cdr::startedAtMillis).reversed(), offset, limit);
    }

    /**
     * The whole filtered report as CSV (RFC 4180), newest first. The columns of the first reports come
     * first, as they were; the calls' facts follow: the charge is the client's (blank for a call no rate
     * applied to), and the attempts are one column of {@code kind:target:status} items separated by
     * semicolons, e.g. {@code gateway:gw1:503;gateway:gw2:200}.
     */
    public String csv(Scope actor, Filter filter) {
        StringBuilder out = new StringBuilder("call_id,caller,callee,started_at,answered_at,ended_at,seconds,disposition,"
                + "final_status,direction,dialled,e164,gateway,charged_client,charge,legs\r\n");
        matching(actor, filter).stream().sorted(Comparator.comparingLong(Cdr::startedAtMillis).reversed())
                .forEach(c -> out.append(Csv.row(c.callId(), c.caller().toString(), c.callee().toString(),
                        Instant.ofEpochMilli(c.startedAtMillis()).toString(),
                        Instant.ofEpochMilli(c.answeredAtMillis()).toString(),
                        Instant.ofEpochMilli(c.endedAtMillis()).toString(), Long.toString(c.billableSeconds()),
                        c.disposition(), Integer.toString(c.finalStatus()), c.direction().name(), c.facts().dialled(),
                        c.facts().e164(), c.facts().gateway(), c.facts().chargedClient(), chargeOf(c).orElse(""),
                        legs(c))));
        return out.toString();
    }

    /** What the call cost its client as a plain decimal ({@code 0.41}); empty when no rate applied to it. */
    public static Optional<String> chargeOf(Cdr cdr) {
        Charge charge = cdr.charge();
        return charge.ratePrefix() == null && charge.clientMicros() == 0 ? Optional.empty()
                : Optional.of(Numbers.amount(charge.clientMicros()));
    }

    /** The attempts in one field: {@code gateway:gw1:503;gateway:gw2:200}. */
    static String legs(Cdr cdr) {
        StringJoiner legs = new StringJoiner(";");
        for (CdrLeg leg : cdr.legs()) {
            legs.add(leg.kind().toLowerCase(Locale.ROOT) + ":" + leg.target() + ":" + leg.status());
        }
        return legs.toString();
    }

    private List<Cdr> matching(Scope actor, Filter filter) {
        String party = filter.party() == null ? "" : filter.party().trim().toLowerCase(Locale.ROOT);
        return cdrs.within(actor.domain(), filter.from().toEpochMilli(), filter.to().toEpochMilli()).stream()
                .filter(c -> actor.coversUser(c.caller()) || actor.coversUser(c.callee()))
                .filter(c -> party.isEmpty() || c.caller().toString().toLowerCase(Locale.ROOT).contains(party)
                        || c.callee().toString().toLowerCase(Locale.ROOT).contains(party)
                        || c.facts().dialled().contains(party) || c.facts().e164().contains(party))
                .toList();
    }
}
