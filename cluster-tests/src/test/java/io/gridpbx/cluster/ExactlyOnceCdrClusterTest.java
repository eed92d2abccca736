package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.cluster.TrunkLab.HeldCall;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's "exactly once", with two real nodes: node A carries 50 established calls of a prepaid client to
 * the PSTN and is killed with SIGKILL. The phones hang up 40 of them by a BYE sent to node B (as DNS would
 * lead them once A is gone: the Record-Route names the cluster's domain); the other 10 get no BYE, and
 * their dialogs time out after the longest call allowed. Each of the 50 Call-IDs then has exactly one
 * record (40 ANSWERED, 10 DIALOG_TIMEOUT), outbound through the gateway and charged by the client's rate;
 * the client's balance went down by exactly the sum of those charges, each charged once; and the client's
 * count of concurrent calls comes back to 0, its slots kept while the calls outlived their node and
 * returned by their BYEs and timeouts. A SIPp UAS plays the carrier behind the gateway, five SIPp UACs the
 * office's phones, ten calls each. Logs stay in {@code target/exactly-once/}.
 */
@Timeout(value = 360, unit = TimeUnit.SECONDS)
class ExactlyOnceCdrClusterTest {

    private static final Path RUN_DIR = Path.of("target", "exactly-once").toAbsolutePath();
    private static final NodeProcess.Spec NODE_A = new NodeProcess.Spec("nodeA", "127.0.0.120", 49460, 49461, 49480);
    private static final NodeProcess.Spec NODE_B = new NodeProcess.Spec("nodeB", "127.0.0.121", 49460, 49461, 49481);
    /** The carrier: not the phones' address, which the node would take for the carrier's own calls. */
    private static final String CARRIER_HOST = "127.0.0.122";
    private static final int CARRIER_PORT = 49470;
    /** The phones send from the address the test nodes allow. */
    private static final String PHONE_HOST = "127.0.0.1";
    private static final int FIRST_PHONE_PORT = 49500;

    /** A Montreal number as a North American phone dials it; not one of the demo DIDs. */
    private static final String DIALLED = "5145551234";
    private static final List<String> PHONES = List.of("200", "201", "202", "203", "204");
    private static final int CALLS_PER_PHONE = 10;
    /** Of each phone's calls, the first ones are hung up by a BYE to the survivor; the rest time out. */
    private static final int HUNG_UP_PER_PHONE = 8;
    private static final int CALLS = PHONES.size() * CALLS_PER_PHONE;
    /**
     * The longest call allowed: the calls left up must time out within the test, and the others must be hung
     * up before that (the calls are up within seconds, the kill is seen within about 6).
     */
    private static final Duration MAX_CALL_LENGTH = Duration.ofSeconds(45);
    /**
     * How late a member may see a dialog expire: its sweep of expired entries visits a few partitions every
     * 5 s (6 on two cores: 3 per partition thread), oldest swept first, among every partition that holds an
     * entry with a time to live (here some 100: the records, the nonces, the dialogs).
     */
    private static final Duration EXPIRY_SWEEP = Duration.ofSeconds(120);
    private static final Duration SIP_STEP = TrunkLab.SIP_STEP;

    /** The client's billing, set up for the test: 0.01 a call and 0.01 a second (0.60 a minute), by the second. */
    private static final String PROFILE = "exactly-once";
    private static final BigDecimal CONNECTION_FEE = new BigDecimal("0.01");
    private static final BigDecimal PER_SECOND = new BigDecimal("0.01");
    private static final BigDecimal TOP_UP = new BigDecimal("100.00");

    @Test
    void fiftyCallsOfAKilledNode_endByByeOnTheSurvivorOrByTimeout_withOneChargedRecordEach_andNoSlotLeft()
            throws Exception {
        TrunkLab lab = TrunkLab.start("exactly-once", List.of(NODE_A, NODE_B), RUN_DIR, List.of(
                "--gridpbx.calls.max-call-length=" + MAX_CALL_LENGTH.toSeconds() + "s",
                "--gridpbx.sip.record-route-domain=gridpbx.test"), PHONE_HOST, FIRST_PHONE_PORT);
        try {
            NodeProcess a = lab.node(0);
            NodeProcess b = lab.node(1);
            String gateway = provision(a, b);
            BigDecimal before = balance(b);
            assertThat(before).as("the top-up").isEqualByComparingTo(TOP_UP);
            lab.carrier(CARRIER_HOST, CARRIER_PORT);

            // 50 calls up through node A, each in the grid.
            Map<String, List<HeldCall>> byPhone = new HashMap<>();
            for (String extension : PHONES) {
                byPhone.put(extension, lab.phone("phone" + extension, NODE_A, extension, DIALLED, CALLS_PER_PHONE, 5));
            }
            List<HeldCall> calls = byPhone.values().stream().flatMap(List::stream).toList();
            Set<String> callIds = calls.stream().map(HeldCall::callId).collect(Collectors.toSet());
            String nodeA = TrunkLab.nodeId(a);
            Eventually.await("the " + CALLS + " calls up through node A", SIP_STEP.multipliedBy(2), () -> {
                assertPhonesRunning(calls);
                return TrunkLab.activeCalls(b);
            }, up -> up.keySet().containsAll(callIds));
            assertThat(TrunkLab.activeCalls(b)).as("every call carried by node A, nothing else up").hasSize(CALLS)
                    .allSatisfy((callId, node) -> assertThat(node).isEqualTo(nodeA));
            assertThat(TrunkLab.officeCallsNow(b)).as("the office's calls counted").isEqualTo(CALLS);

            a.kill9();
            Eventually.await("node B alone", SIP_STEP, b::status, status -> status.clusterSize() == 1);
            assertThat(TrunkLab.activeCalls(b).keySet()).as("the calls, kept in the grid's backups")
                    .containsExactlyInAnyOrderElementsOf(callIds);

            // 40 BYEs to the survivor; 10 calls left without one.
            List<HeldCall> hungUp = new ArrayList<>();
            for (List<HeldCall> phoneCalls : byPhone.values()) {
                hungUp.addAll(phoneCalls.subList(0, HUNG_UP_PER_PHONE));
            }
            for (HeldCall call : hungUp) {
                TrunkLab.signalHangUp(call, NODE_B);
            }
            Set<String> hungUpIds = hungUp.stream().map(HeldCall::callId).collect(Collectors.toSet());
            Set<String> leftUpIds = new HashSet<>(callIds);
            leftUpIds.removeAll(hungUpIds);
            Eventually.await("the records of the " + hungUp.size() + " calls hung up through node B", SIP_STEP,
                    () -> unrecorded(b, hungUpIds), Set::isEmpty);
            for (List<HeldCall> phoneCalls : byPhone.values()) {
                Sipp phone = phoneCalls.getFirst().sipp();
                Eventually.await(phone.label() + ": each BYE answered 200", SIP_STEP, phone::statistics,
                        stats -> stats.getOrDefault("SuccessfulCall(C)", 0L) == HUNG_UP_PER_PHONE);
                assertThat(phone.statistics()).as("%s: no call failed", phone.label()).containsEntry("FailedCall(C)", 0L);
            }
            Eventually.await("the slots of the calls hung up given back, the others' kept", SIP_STEP,
                    () -> TrunkLab.officeCallsNow(b), now -> now == leftUpIds.size());
            assertThat(TrunkLab.activeCalls(b).keySet()).as("the calls left up")
                    .containsExactlyInAnyOrderElementsOf(leftUpIds);

            // The calls with no BYE time out, their records written by the survivor.
            Eventually.await("the records of the " + leftUpIds.size() + " calls left up", MAX_CALL_LENGTH.plus(EXPIRY_SWEEP),
                    () -> unrecorded(b, leftUpIds), Set::isEmpty);

            BigDecimal charged = assertOneChargedRecordEach(records(b), hungUpIds, leftUpIds, gateway);
            BigDecimal expected = before.subtract(charged);
            Eventually.await("the balance down by the " + CALLS + " charges, each once (" + charged + ")", SIP_STEP,
                    () -> balance(b), balance -> balance.compareTo(expected) == 0);
            Eventually.await("no slot left", SIP_STEP, () -> TrunkLab.officeCallsNow(b), now -> now == 0);
            assertThat(TrunkLab.activeCalls(b)).as("no call left up").isEmpty();
            System.out.printf("%d calls: %d ended by a BYE on the survivor, %d timed out; %s charged in all%n",
                    CALLS, hungUpIds.size(), leftUpIds.size(), charged);
        } finally {
            lab.stop();
        }
    }

    /**
     * Through the API: the platform's gateway to the carrier and its route for Montreal numbers; the demo
     * reseller's billing profile with a rate for them, its office billed by it, prepaid and topped up; and
     * its cap on the office's concurrent calls, exactly as many as the test makes. Returns the gateway's id.
     */
    private static String provision(NodeProcess a, NodeProcess b) throws Exception {
        String gateway = TrunkLab.gatewayAndRoute(a, CARRIER_HOST, CARRIER_PORT, "Montreal", "\\+?1514[0-9]{7}");
        configure(a, "billing-profiles", Map.of("name", PROFILE, "currency", "EUR", "incrementSeconds", "1",
                "minimumSeconds", "0", "connectionFee", CONNECTION_FEE.toPlainString()));
        configure(a, "rates", Map.of("description", "Montreal", "billingProfile", PROFILE, "prefix", "1514",
                "pricePerMinute", PER_SECOND.multiply(BigDecimal.valueOf(60)).toPlainString()));
        configure(a, "client-billings", Map.of("client", TrunkLab.DOMAIN, "billingProfile", PROFILE, "mode", "prepaid"));
        configure(b, "client-call-limits", Map.of("client", TrunkLab.DOMAIN, "maxCalls", Integer.toString(CALLS)));
        b.post("/api/v1/balances/" + TrunkLab.DOMAIN + "/top-ups", TrunkLab.JSON.writeValueAsString(Map.of(
                "amount", TOP_UP.toPlainString(), "note", "exactly-once test")), TrunkLab.RESELLER_TOKEN);
        for (NodeProcess node : List.of(a, b)) {
            assertThat(node.get("/api/v1/config/client-billings", TrunkLab.RESELLER_TOKEN))
                    .as("the office's billing as %s reads it", node.name()).contains(TrunkLab.DOMAIN).contains(PROFILE);
            assertThat(TrunkLab.officeCallsNow(node)).as("the office's cap as %s reads it", node.name()).isZero();
        }
        return gateway;
    }

    private static void configure(NodeProcess node, String kind, Map<String, String> values) throws Exception {
        node.post("/api/v1/config/" + kind, TrunkLab.JSON.writeValueAsString(values), TrunkLab.RESELLER_TOKEN);
    }

    /**
     * Each call has one record, and nothing else has any: ANSWERED when it was hung up, DIALOG_TIMEOUT after
     * the longest call when it was left up; outbound through the gateway, charged to the office by its rate.
     * Returns the sum of the charges.
     */
    private static BigDecimal assertOneChargedRecordEach(Map<String, List<JsonNode>> records, Set<String> hungUp,
            Set<String> leftUp, String gateway) {
        Set<String> calls = new HashSet<>(hungUp);
        calls.addAll(leftUp);
        assertThat(records.keySet()).as("a record for every call and for nothing else")
                .containsExactlyInAnyOrderElementsOf(calls);
        BigDecimal charged = BigDecimal.ZERO;
        for (String callId : calls) {
            assertThat(records.get(callId)).as("the records of %s", callId).hasSize(1);
            JsonNode cdr = records.get(callId).getFirst();
            assertThat(cdr.path("disposition").asString()).as("%s", cdr)
                    .isEqualTo(hungUp.contains(callId) ? "ANSWERED" : "DIALOG_TIMEOUT");
            assertThat(cdr.path("direction").asString()).as("%s", cdr).isEqualTo("OUTBOUND");
            assertThat(cdr.path("gateway").asString()).as("%s", cdr).isEqualTo(gateway);
            assertThat(cdr.path("finalStatus").asInt()).as("%s", cdr).isEqualTo(200);
            assertThat(cdr.path("chargedClient").asString()).as("%s", cdr).isEqualTo(TrunkLab.DOMAIN);
            long seconds = cdr.path("seconds").asLong();
            if (leftUp.contains(callId)) {
                assertThat(seconds).as("%s lasted the longest call allowed, however late its expiry was seen", cdr)
                        .isEqualTo(MAX_CALL_LENGTH.toSeconds());
            }
            BigDecimal charge = new BigDecimal(cdr.path("charge").asString());
            assertThat(charge).as("the fee and each second of %s", cdr)
                    .isEqualByComparingTo(CONNECTION_FEE.add(PER_SECOND.multiply(BigDecimal.valueOf(Math.max(seconds, 1)))));
            charged = charged.add(charge);
        }
        return charged;
    }

    /** Fails at once when a phone's SIPp ended before its calls were hung up: a call failed, or was refused. */
    private static void assertPhonesRunning(List<HeldCall> calls) throws Exception {
        for (HeldCall call : calls) {
            if (!call.sipp().isRunning()) {
                throw new AssertionError(call.label() + ": its phone ended early: " + call.sipp().await(Duration.ZERO));
            }
        }
    }

    /** The reseller's records of the last day, by Call-ID: one list each, however many the API answers. */
    private static Map<String, List<JsonNode>> records(NodeProcess node) throws IOException, InterruptedException {
        JsonNode page = TrunkLab.JSON.readTree(node.get("/api/v1/cdrs?limit=500", TrunkLab.RESELLER_TOKEN));
        assertThat(page.path("total").asLong()).as("one page holds them all").isLessThanOrEqualTo(500);
        return page.path("items").valueStream()
                .collect(Collectors.groupingBy(cdr -> cdr.path("callId").asString(), Collectors.mapping(
                        Function.identity(), Collectors.toList())));
    }

    /** Those of these calls that have no record yet. */
    private static Set<String> unrecorded(NodeProcess node, Set<String> callIds) throws IOException, InterruptedException {
        Set<String> missing = new HashSet<>(callIds);
        missing.removeAll(records(node).keySet());
        return missing;
    }

    private static BigDecimal balance(NodeProcess node) throws IOException, InterruptedException {
        return new BigDecimal(TrunkLab.JSON.readTree(node.get("/api/v1/balances/" + TrunkLab.DOMAIN,
                TrunkLab.RESELLER_TOKEN)).path("balance").asString());
    }
}
