package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Money and records on the call path of a real JAIN-SIP node, with SIPp carriers on 127.0.0.2 and .3:
 * a prepaid client at zero is refused before any carrier hears of the call; a funded call is ended
 * with a BYE to each party when its balance has paid all it can; a call's record keeps its direction,
 * numbers, the gateways it tried and what each answered, whether it was answered or not.
 */
@Timeout(90)
class CallBillingIT {

    private static final int NODE_PORT = 15131;
    private static final String CARRIER_A = "127.0.0.2";
    private static final String CARRIER_B = "127.0.0.3";
    private static final int CARRIER_A_PORT = 16731;
    private static final int CARRIER_B_PORT = 16732;
    private static final String RESELLER = "demo.gridpbx.test";
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
        String platform = DemoTenants.PLATFORM_DOMAIN;
        node.trunking.putGateway(new Gateway("a", "Carrier A", CARRIER_A, CARRIER_A_PORT, Gateway.Transport.UDP,
                null, null, 0, null, false));
        node.trunking.putGateway(new Gateway("b", "Carrier B", CARRIER_B, CARRIER_B_PORT, Gateway.Transport.UDP,
                null, null, 0, null, false));
        node.trunking.putRoute(new OutboundRoute("nanp", platform, "North America", "\\+?1[2-9][0-9]{9}", 10,
                List.of("a", "b")));
        Scope demo = Scope.reseller(RESELLER);
        // 1 cent a second, billed per second from the first: 3 cents pay 3 seconds.
        node.billing.put(new ConfigObject(ConfigKind.BILLING_PROFILE, "retail", demo, Map.of("name", "retail",
                "currency", "USD", "incrementSeconds", "1", "minimumSeconds", "0")));
        node.billing.put(new ConfigObject(ConfigKind.RATE, "nanp", demo, Map.of("description", "North America",
                "billingProfile", "retail", "prefix", "1", "pricePerMinute", "0.60")));
        node.billing.put(new ConfigObject(ConfigKind.CLIENT_BILLING, "office", demo, Map.of("client", OFFICE,
                "billingProfile", "retail", "mode", "prepaid")));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @BeforeEach
    void emptyBalance() {
        long balance = node.balances.balance(OFFICE).toCompletableFuture().join();
        node.balances.topUp(OFFICE, -balance, "test", "start from zero");
    }

    @Test
    void aPrepaidClientAtZero_isRefusedWithAReason_andNoCarrierHearsOfIt() throws IOException {
        Sipp.Result refused = call("uac_call_refused.xml", "200", "5145551234", 16740);
        refused.assertPassed();
        assertThat(messages(refused)).contains("SIP/2.0 403 Insufficient Balance");
        assertThat(node.slots.counts(List.of("client:" + OFFICE))).containsEntry("client:" + OFFICE, 0);
    }

    @Test
    void aFundedCall_isEndedWhenItsBalanceHasPaidAllItCan() throws InterruptedException {
        node.balances.topUp(OFFICE, 30_000, "test", "3 seconds");
        long before = System.currentTimeMillis();
        try (Sipp.Running carrier = carrier("uas_answer_cut.xml", CARRIER_A, CARRIER_A_PORT)) {
            // The caller never hangs up: both ends must get the node's BYE, or SIPp fails them.
            call("uac_call_cut.xml", "201", "5145551235", 16741).assertPassed();
            carrier.await().assertPassed();
        }
        Cdr cdr = awaitRecord("201");
        assertThat(cdr.disposition()).isEqualTo("CREDIT_EXHAUSTED");
        assertThat(cdr.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(cdr.facts().e164()).isEqualTo("15145551235");
        assertThat(cdr.facts().gateway()).isEqualTo("a");
        assertThat(cdr.endedAtMillis() - cdr.answeredAtMillis()).isBetween(2_900L, 4_500L);
        assertThat(cdr.answeredAtMillis()).isGreaterThanOrEqualTo(before);
        Dialog dialog = node.dialogs.startedDialogs().stream().filter(d -> d.caller().user().equals("201")).findFirst()
                .orElseThrow();
        assertThat(dialog.endsAtMillis() - dialog.startedAtMillis()).isEqualTo(3_000);
    }

    @Test
    void anAnsweredCall_canBeHungUpFromTheMiddle() throws InterruptedException {
        node.balances.topUp(OFFICE, 1_000_000, "test", "plenty");
        try (Sipp.Running carrier = carrier("uas_answer_cut.xml", CARRIER_A, CARRIER_A_PORT);
                Sipp.Running caller = Sipp.scenario("uac_call_cut.xml", 16744).to(NODE_PORT).service("5145551238")
                        .credentials("204", "pass204").key("domain", OFFICE).key("caller", "204").start()) {
            Dialog dialog = awaitDialog("204");
            awaitAckAt(carrier);
            assertThat(node.server.endCall(dialog.id().callId(), "HANGUP")).isTrue();
            assertThat(node.server.endCall(dialog.id().callId(), "HANGUP")).as("a call is ended once").isFalse();
            caller.await().assertPassed();
            carrier.await().assertPassed();
        }
        assertThat(awaitRecord("204").disposition()).isEqualTo("HANGUP");
        assertThat(node.server.endCall("no-such-call@nowhere", "HANGUP")).isFalse();
    }

    @Test
    void aGatewayAtItsCap_isSkipped_andItsSeatComesBackWithTheCall() {
        node.balances.topUp(OFFICE, 1_000_000, "test", "plenty");
        node.trunking.putConfig(new ConfigObject(ConfigKind.GATEWAY_CALL_LIMIT, "cap-a",
                Scope.platform(DemoTenants.PLATFORM_DOMAIN), Map.of("gateway", "a", "maxCalls", "1")));
        try (Sipp.Running carrierA = carrier("uas_answer.xml", CARRIER_A, CARRIER_A_PORT);
                Sipp.Running carrierB = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT);
                Sipp.Running held = Sipp.scenario("uac_call_held.xml", 16745).to(NODE_PORT).service("5145551239")
                        .credentials("205", "pass205").key("domain", OFFICE).key("caller", "205").start()) {
            awaitDialog("205");
            call("uac_call.xml", "206", "5145551240", 16746).assertPassed();
            held.await().assertPassed();
            carrierA.await().assertPassed();
            carrierB.await().assertPassed();
        } finally {
            node.trunking.removeConfig(new ConfigObject(ConfigKind.GATEWAY_CALL_LIMIT, "cap-a",
                    Scope.platform(DemoTenants.PLATFORM_DOMAIN), Map.of("gateway", "a", "maxCalls", "1")));
        }
        assertThat(awaitRecord("205").facts().gateway()).isEqualTo("a");
        assertThat(awaitRecord("206").legs()).containsExactly(CdrLeg.gateway("a", 503, ""), CdrLeg.gateway("b", 200, ""));
        assertThat(node.slots.counts(List.of("gateway:a"))).containsEntry("gateway:a", 0);
    }

    @Test
    void aForwardToThePstn_onBusy_isPaidByTheForwardingUsersFunds() throws IOException {
        User busyUser = node.directory.user(new AddressOfRecord("207", OFFICE)).orElseThrow();
        node.directory.saveUser(busyUser.withCallSettings(new CallSettings(false, true, null, "514 555 1299", null, 20)));
        Phones.register(NODE_PORT, "207", 16747, "<sip:207@127.0.0.1:16748>");
        try (Sipp.Running busy = Sipp.scenario("uas_busy.xml", 16748).named("phone-busy-billing").start().awaitListening()) {
            // An internal call costs nothing; its forward to a number would, and the office has no funds.
            Sipp.Result caller = call("uac_call_refused.xml", "208", "207", 16749);
            caller.assertPassed();
            assertThat(messages(caller)).contains("SIP/2.0 403 Insufficient Balance");
            busy.await().assertPassed();
        } finally {
            node.directory.saveUser(busyUser);
        }
    }

    @Test
    void aCallThatFailedOver_recordsEachGatewayAndWhatItAnswered() {
        node.balances.topUp(OFFICE, 1_000_000, "test", "plenty");
        try (Sipp.Running overloaded = carrier("uas_overloaded.xml", CARRIER_A, CARRIER_A_PORT);
                Sipp.Running answering = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT)) {
            call("uac_call.xml", "202", "514-555-1236", 16742).assertPassed();
            overloaded.await().assertPassed();
            answering.await().assertPassed();
        }
        Cdr cdr = awaitRecord("202");
        assertThat(cdr.disposition()).isEqualTo(Cdr.ANSWERED);
        assertThat(cdr.facts().dialled()).isEqualTo("514-555-1236");
        assertThat(cdr.facts().e164()).isEqualTo("15145551236");
        assertThat(cdr.facts().gateway()).isEqualTo("b");
        assertThat(cdr.legs()).containsExactly(CdrLeg.gateway("a", 503, ""), CdrLeg.gateway("b", 200, ""));
    }

    @Test
    void aBusyNumber_getsAnUnansweredRecord_withTheGatewaysAnswer() {
        node.balances.topUp(OFFICE, 1_000_000, "test", "plenty");
        try (Sipp.Running busy = carrier("uas_busy.xml", CARRIER_A, CARRIER_A_PORT)) {
            call("uac_busy.xml", "203", "5145551237", 16743).assertPassed();
            busy.await().assertPassed();
        }
        Cdr cdr = awaitRecord("203");
        assertThat(cdr.finalStatus()).isEqualTo(486);
        assertThat(cdr.disposition()).isEqualTo("BUSY");
        assertThat(cdr.billableSeconds()).isZero();
        assertThat(cdr.legs()).containsExactly(CdrLeg.gateway("a", 486, ""));
        assertThat(cdr.clientDomain()).isEqualTo(OFFICE);
    }

    /** The carrier took the call's ACK: the call is up at both ends. */
    private static void awaitAckAt(Sipp.Running carrier) throws InterruptedException {
        java.nio.file.Path log = carrier.dir().resolve("messages.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(log) && readQuietly(log).contains("ACK sip:"))) {
            assertThat(System.nanoTime()).as("the carrier's ACK").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String readQuietly(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static Dialog awaitDialog(String caller) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<Dialog> found = node.dialogs.startedDialogs().stream().filter(d -> d.caller().user().equals(caller))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(System.nanoTime()).as("a dialog of the call of " + caller).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Cdr awaitRecord(String caller) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<Cdr> found = node.dialogs.records().stream().filter(c -> c.caller().user().equals(caller)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(System.nanoTime()).as("a record of the call of " + caller).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Sipp.Running carrier(String scenario, String ip, int port) {
        return Sipp.scenario(scenario, port).named(scenario.replace(".xml", "") + "-" + ip + "-billing").from(ip).start()
                .awaitListening();
    }

    private static String messages(Sipp.Result result) throws IOException {
        return Files.readString(result.dir().resolve("messages.log"));
    }

    private static Sipp.Result call(String scenario, String caller, String dialled, int sippPort) {
        return Phones.call(NODE_PORT, scenario, caller, dialled, sippPort);
    }
}
