package io.gridpbx.node.api;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.media.MediaSession;
import java.util.Map;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.manage.CallRecords;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the calls up now, live from the grid, and the call detail records of the token's subtree. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "calls")
class CallController {

    private final CallRecords calls;

    CallController(CallRecords calls) {
        this.calls = calls;
    }

    /** @param media the relay's view of the call (its node, ports, peers, counters), or null when not relayed */
    record ActiveCallJson(String callId, String caller, String callee, Instant since, String node,
            @Nullable MediaSession media) {
    }

    record CdrJson(String callId, String caller, String callee, Instant startedAt, Instant answeredAt, Instant endedAt,
            long seconds, String disposition) {

        static CdrJson of(Cdr c) {
            return new CdrJson(c.callId(), c.caller().toString(), c.callee().toString(),
                    Instant.ofEpochMilli(c.startedAtMillis()), Instant.ofEpochMilli(c.answeredAtMillis()),
                    Instant.ofEpochMilli(c.endedAtMillis()), c.billableSeconds(), c.disposition());
        }
    }

    @GetMapping("/calls/active")
    List<ActiveCallJson> active(Actor actor) {
        List<Dialog> active = calls.active(actor.scope());
        Map<String, MediaSession> media = calls.media(active);
        return active.stream().map(d -> new ActiveCallJson(d.id().callId(), d.caller().toString(),
                d.callee().toString(), Instant.ofEpochMilli(d.startedAtMillis()), d.nodeId(),
                media.get(d.id().callId()))).toList();
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

    private static CallRecords.Filter filter(@Nullable String from, @Nullable String to, @Nullable String party) {
        Instant end = to == null || to.isBlank() ? Instant.now().plus(1, ChronoUnit.MINUTES) : instant("to", to);
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
