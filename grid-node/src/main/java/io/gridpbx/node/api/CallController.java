package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.manage.CallRecords;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.media.MediaSession;
import io.gridpbx.core.store.StoreUnavailableException;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only: the calls up now, live from the grid, and the call detail records of the token's subtree,
 * with their direction, numbers, gateway, attempts, final status and the client's charge.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "calls")
class CallController {

    private static final int HANG_UP_WAIT_SECONDS = 5;

    private final CallRecords calls;
    private final Clock clock;

    CallController(CallRecords calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * @param direction INTERNAL, OUTBOUND or INBOUND; null for a call set up before calls kept their facts
     * @param number    the PSTN number (E.164, or as dialled until it is known); null when none
     * @param gateway   the gateway's id for a call through a carrier; null when none
     * @param media     the relay's view of the call (its node, ports, peers, counters), or null when not relayed
     */
    record ActiveCallJson(String callId, String caller, String callee, Instant since, String node,
            @Nullable Direction direction, @Nullable String number, @Nullable String gateway,
            @Nullable MediaSession media) {

        static ActiveCallJson of(Dialog d, @Nullable MediaSession media) {
            CallFacts facts = d.facts();
            return new ActiveCallJson(d.id().callId(), d.caller().toString(), d.callee().toString(),
                    Instant.ofEpochMilli(d.startedAtMillis()), d.nodeId(), facts == null ? null : facts.direction(),
                    facts == null ? null : blankAsNull(facts.e164().isEmpty() ? facts.dialled() : facts.e164()),
                    facts == null ? null : blankAsNull(facts.gateway()), media);
        }
    }

    /** One attempt of a call: a gateway it was sent to, or a forward it followed (status 0: none came back). */
    record LegJson(String kind, String target, int status, String reason) {
    }

    /**
     * @param finalStatus   the final SIP status the caller got
     * @param dialled       what the caller dialled; null for an internal call
     * @param e164          the PSTN number called out, or the DID called in; null for neither
     * @param gateway       the gateway that carried the call; null for none
     * @param chargedClient the client whose balance pays the call
     * @param charge        what the call cost its client, a decimal in the platform currency; null when no rate applied
     * @param ratePrefix    the prefix of the rate applied; null when none
     * @param legs          its attempts in order
     */
    record CdrJson(String callId, String caller, String callee, Instant startedAt, Instant answeredAt, Instant endedAt,
            long seconds, String disposition, int finalStatus, Direction direction, @Nullable String dialled,
            @Nullable String e164, @Nullable String gateway, String chargedClient,
            @Schema(type = "string", example = "0.42") @Nullable String charge, @Nullable String ratePrefix,
            List<LegJson> legs) {

        static CdrJson of(Cdr c) {
            CallFacts facts = c.facts();
            return new CdrJson(c.callId(), c.caller().toString(), c.callee().toString(),
                    Instant.ofEpochMilli(c.startedAtMillis()), Instant.ofEpochMilli(c.answeredAtMillis()),
                    Instant.ofEpochMilli(c.endedAtMillis()), c.billableSeconds(), c.disposition(), c.finalStatus(),
                    c.direction(), blankAsNull(facts.dialled()), blankAsNull(facts.e164()), blankAsNull(facts.gateway()),
                    facts.chargedClient(), CallRecords.chargeOf(c).orElse(null), c.charge().ratePrefix(),
                    c.legs().stream().map(l -> new LegJson(l.kind(), l.target(), l.status(), l.reason())).toList());
        }
    }

    private static @Nullable String blankAsNull(String text) {
        return text.isBlank() ? null : text;
    }

    @GetMapping("/calls/active")
    List<ActiveCallJson> active(Actor actor) {
        List<Dialog> active = calls.active(actor.scope());
        Map<String, MediaSession> media = calls.media(active);
        return active.stream().map(d -> ActiveCallJson.of(d, media.get(d.id().callId()))).toList();
    }

    /**
     * Hangs up a call the token's scope sees: the member that routed it sends a BYE to each party and its
     * record closes as HANGUP. 204 when done, 404 for a call not up (or not the caller's to see), 503 when
     * the cluster did not answer in time.
     */
    @DeleteMapping("/calls/active/{callId}")
    ResponseEntity<Void> hangUp(Actor actor, @PathVariable String callId) {
        try {
            boolean ended = calls.hangUp(actor.scope(), callId).toCompletableFuture().get(HANG_UP_WAIT_SECONDS,
                    TimeUnit.SECONDS);
            if (!ended) {
                throw new NotFoundException("call", callId);
            }
            return ResponseEntity.noContent().build();
        } catch (ExecutionException | TimeoutException unanswered) {
            throw new StoreUnavailableException("hang-up of call " + callId, Duration.ofSeconds(HANG_UP_WAIT_SECONDS),
                    unanswered);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("hang-up of call " + callId, Duration.ofSeconds(HANG_UP_WAIT_SECONDS),
                    interrupted);
        }
    }

    /** CDRs started in [from, to) (ISO-8601 instants; the last 24 hours by default), newest first. */
    @GetMapping("/cdrs")
    PageJson<CdrJson> cdrs(Actor actor, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @ParameterObject ListQuery query) {
        return PageJson.of(calls.details(actor.scope(), filter(from, to, query.search()), query.first(), query.size()),
                CdrJson::of);
    }

    @GetMapping(value = "/cdrs.csv", produces = "text/csv")
    ResponseEntity<String> csv(Actor actor, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String q) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cdrs.csv\"")
                .contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .body(calls.csv(actor.scope(), filter(from, to, q)));
    }

    private CallRecords.Filter filter(@Nullable String from, @Nullable String to, @Nullable String party) {
        Instant end = to == null || to.isBlank() ? clock.instant().plus(1, ChronoUnit.MINUTES) : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(1, ChronoUnit.DAYS) : instant("from", from);
        return new CallRecords.Filter(start, end, party);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(FieldError.of(field, "instant.invalid", "an ISO-8601 instant such as 2026-11-26T10:00:00Z"));
        }
    }
}
