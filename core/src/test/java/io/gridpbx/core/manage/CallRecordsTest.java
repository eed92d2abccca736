package io.gridpbx.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.media.MediaSessions;
import io.gridpbx.core.tenancy.DomainName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Active calls and CDRs are seen by the levels above the parties, and by the parties themselves. */
class CallRecordsTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final String SHOP = "shop.other.gridpbx.test";
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final List<Cdr> cdrs = new ArrayList<>();
    private final List<Dialog> dialogs = new ArrayList<>();
    private final CallRecords records = new CallRecords(new ListDialogs(), new ListCdrs());

    CallRecordsTest() {
        cdrs.add(cdr("a", "200", "201", OFFICE, 0));
        cdrs.add(cdr("b", "202", "203", OFFICE, 60));
        cdrs.add(cdr("c", "400", "401", SHOP, 120));
        dialogs.add(new Dialog(new DialogId("d1", "f", "t"), aor("200", OFFICE), aor("205", OFFICE), T0.toEpochMilli(), "n1"));
        dialogs.add(new Dialog(new DialogId("d2", "f", "t"), aor("400", SHOP), aor("401", SHOP), T0.toEpochMilli(), "n1"));
    }

    private final CallRecords.Filter day = new CallRecords.Filter(T0.minusSeconds(3600), T0.plusSeconds(3600), null);

    @Test
    void eachLevelSeesTheCallsOfItsSubtree() {
        assertThat(records.details(Scope.platform("gridpbx.test"), day, 0, 50).total()).isEqualTo(3);
        assertThat(records.details(Scope.reseller("demo.gridpbx.test"), day, 0, 50).items()).extracting(Cdr::callId)
                .containsExactly("b", "a");
        assertThat(records.details(Scope.client(SHOP), day, 0, 50).items()).extracting(Cdr::callId).containsExactly("c");
        assertThat(records.details(Scope.user(aor("203", OFFICE)), day, 0, 50).items()).extracting(Cdr::callId)
                .containsExactly("b");
        assertThat(records.active(Scope.reseller("demo.gridpbx.test"))).extracting(d -> d.id().callId())
                .containsExactly("d1");
        assertThat(records.active(Scope.user(aor("201", OFFICE)))).isEmpty();
    }

    @Test
    void theCsvHasAHeaderAndOneLinePerCall() {
        String csv = records.csv(Scope.client(OFFICE), new CallRecords.Filter(T0.minusSeconds(3600), T0.plusSeconds(3600), "203"));
        assertThat(csv.split("\r\n")).containsExactly(
                "call_id,caller,callee,started_at,answered_at,ended_at,seconds,disposition,"
                        + "final_status,direction,dialled,e164,gateway,charged_client,charge,legs",
                "b,202@office.demo.gridpbx.test,203@office.demo.gridpbx.test,2026-11-26T10:01:00Z,2026-11-26T10:01:00Z,"
                        + "2026-11-26T10:02:30Z,90,ANSWERED,200,INTERNAL,,,,office.demo.gridpbx.test,,");
    }

    @Test
    void aCallToThePstn_showsItsNumbersGatewayAttemptsAndCharge_andIsFoundByTheNumberDialled() {
        long start = T0.plusSeconds(300).toEpochMilli();
        CallFacts facts = new CallFacts(Direction.OUTBOUND, "00442079460000", "442079460000", "gw2", start, OFFICE,
                List.of(CdrLeg.gateway("gw1", 503, "Service Unavailable"), CdrLeg.gateway("gw2", 200, "OK")));
        cdrs.add(new Cdr("pstn", OFFICE, aor("202", OFFICE), aor("00442079460000", OFFICE), start, start + 4_000,
                start + 65_000, Cdr.ANSWERED, "n1", 200, facts, Charge.NONE).rated(new Charge(86_000, 77_400, "44")));
        cdrs.add(Cdr.unanswered("busy", OFFICE, aor("202", OFFICE), aor("15145550199", OFFICE), start + 9_000, "n1",
                486, new CallFacts(Direction.OUTBOUND, "15145550199", "15145550199", "gw1", start, OFFICE,
                        List.of(CdrLeg.gateway("gw1", 486, "Busy Here")))));

        String csv = records.csv(Scope.reseller("demo.gridpbx.test"),
                new CallRecords.Filter(T0.minusSeconds(3600), T0.plusSeconds(3600), "4420794"));

        assertThat(csv.lines().toList()).hasSize(2).last().isEqualTo("pstn,202@office.demo.gridpbx.test,"
                + "00442079460000@office.demo.gridpbx.test,2026-11-26T10:05:00Z,2026-11-26T10:05:04Z,2026-11-26T10:06:05Z,"
                + "61,ANSWERED,200,OUTBOUND,00442079460000,442079460000,gw2,office.demo.gridpbx.test,0.086,"
                + "gateway:gw1:503;gateway:gw2:200");
        assertThat(records.csv(Scope.client(OFFICE), new CallRecords.Filter(T0.minusSeconds(3600),
                T0.plusSeconds(3600), "5550199")).lines().toList()).last().asString()
                .as("unanswered: no seconds, no charge").contains(",0,BUSY,486,OUTBOUND,").endsWith(",,gateway:gw1:486");
        assertThat(CallRecords.chargeOf(cdrs.getFirst())).as("an internal call is not rated").isEmpty();
    }

    @Test
    void anAdministratorHangsUpACallItSees_neverAnothersNorAsAUser() {
        List<Dialog> hungUp = new ArrayList<>();
        CallRecords withHangups = new CallRecords(new ListDialogs(), new ListCdrs(), MediaSessions.NONE, dialog -> {
            hungUp.add(dialog);
            return java.util.concurrent.CompletableFuture.completedFuture(true);
        });
        assertThat(withHangups.hangUp(Scope.client(OFFICE), "d1").toCompletableFuture().join()).isTrue();
        assertThat(hungUp).extracting(d -> d.id().callId()).containsExactly("d1");
        assertThatThrownBy(() -> withHangups.hangUp(Scope.client(OFFICE), "d2")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> withHangups.hangUp(Scope.user(aor("200", OFFICE)), "d1"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(hungUp).hasSize(1);
    }

    @Test
    void aPeriodBackwardsIsRefused() {
        assertThatThrownBy(() -> new CallRecords.Filter(T0, T0.minusSeconds(1), null)).isInstanceOf(ValidationException.class);
    }

    private static AddressOfRecord aor(String user, String domain) {
        return new AddressOfRecord(user, domain);
    }

    private static Cdr cdr(String id, String from, String to, String domain, int offsetSeconds) {
        long start = T0.plusSeconds(offsetSeconds).toEpochMilli();
        return new Cdr(id, domain, aor(from, domain), aor(to, domain), start, start, start + 90_000, "ANSWERED", "n1");
    }

    private final class ListCdrs implements CdrStore {
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
        public java.util.Map<String, Long> dialledWithPrefixPerClient(List<String> prefixes, long fromMillis,
                long toMillis) {
            throw new UnsupportedOperationException("not used by call records");
        }
    }

    private final class ListDialogs implements DialogRegistry {
        @Override
        public void started(Dialog dialog) {
            dialogs.add(dialog);
        }

        @Override
        public void ended(DialogId id) {
            dialogs.removeIf(d -> d.id().equals(id));
        }

        @Override
        public void targetRefreshed(DialogId id, String senderTag, String senderContact, String responderContact) {
            dialogs.replaceAll(d -> d.id().equals(id) ? d.refreshed(senderTag, senderContact, responderContact) : d);
        }

        @Override
        public java.util.concurrent.CompletionStage<Optional<Dialog>> find(DialogId id) {
            return java.util.concurrent.CompletableFuture.completedFuture(dialogs.stream().filter(d -> d.id().equals(id)).findFirst());
        }

        @Override
        public int activeSetUpBy(String nodeId) {
            return (int) dialogs.stream().filter(d -> d.nodeId().equals(nodeId)).count();
        }

        @Override
        public int activeCount() {
            return dialogs.size();
        }

        @Override
        public List<Dialog> activeWithin(String domain) {
            return dialogs.stream().filter(d -> DomainName.isWithin(d.caller().domain(), domain)).toList();
        }
    }
}
