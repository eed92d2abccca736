package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls to and from the PSTN through a real JAIN-SIP node: SIPp instances on 127.0.0.2 and .3 play the
 * carriers, a bare UDP socket on .4 plays a dead one, SIPp phones on 127.0.0.1 call out and are called
 * through DIDs.
 */
@Timeout(60)
class TrunkCallIT {

    private static final int NODE_PORT = 15071;
    private static final String CARRIER_A = "127.0.0.2";
    private static final String CARRIER_B = "127.0.0.3";
    private static final String DEAD_CARRIER = "127.0.0.4";
    private static final String STRICT_CARRIER = "127.0.0.6";
    private static final int STRICT_CARRIER_PORT = 16304;
    private static final int CARRIER_A_PORT = 16301;
    private static final int CARRIER_B_PORT = 16302;
    private static final int DEAD_CARRIER_PORT = 16303;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
        String platform = DemoTenants.PLATFORM_DOMAIN;
        node.trunking.putGateway(new Gateway("a", "Carrier A", CARRIER_A, CARRIER_A_PORT, Gateway.Transport.UDP,
                null, null, 1, "99", false));
        node.trunking.putGateway(new Gateway("b", "Carrier B", CARRIER_B, CARRIER_B_PORT, Gateway.Transport.UDP,
                null, null, 0, null, false));
        node.trunking.putGateway(new Gateway("dead", "Dead carrier", DEAD_CARRIER, DEAD_CARRIER_PORT,
                Gateway.Transport.UDP, null, null, 0, null, false));
        node.trunking.putGateway(new Gateway("strict", "Strict carrier", STRICT_CARRIER, STRICT_CARRIER_PORT,
                Gateway.Transport.UDP, "trunk-7", "s3cret", 0, null, false));
        node.trunking.putRoute(new OutboundRoute("toronto", platform, "Toronto", "\\+?1416[0-9]{7}", 10, List.of("strict")));
        node.trunking.putRoute(new OutboundRoute("montreal", platform, "Montreal", "\\+?1514[0-9]{7}", 10, List.of("a")));
        node.trunking.putRoute(new OutboundRoute("nanp", platform, "North America", "\\+?1[2-9][0-9]{9}", 50, List.of("b")));
        node.trunking.putRoute(new OutboundRoute("laval", platform, "Laval", "\\+?1450[0-9]{7}", 10, List.of("a", "b")));
        node.trunking.putRoute(new OutboundRoute("quebec", platform, "Quebec", "\\+?1418[0-9]{7}", 10, List.of("dead", "b")));
        node.trunking.putRoute(new OutboundRoute("emergency", platform, "Emergency", "911", 1, List.of("b")));
        // Another reseller's route must never carry this reseller's calls.
        node.trunking.putRoute(new OutboundRoute("other", "other.gridpbx.test", "Other's Montreal", "\\+?1514[0-9]{7}", 1,
                List.of("dead")));
        node.trunking.putDid(new Did("15145550100", "demo.gridpbx.test", OFFICE, "202"));
        node.trunking.putDid(new Did("15145550101", "demo.gridpbx.test", OFFICE, "203"));
        node.trunking.putDid(new Did("15145550102", "demo.gridpbx.test", null, null));
        node.trunking.putDid(new Did("15145550103", "demo.gridpbx.test", OFFICE, "215"));
        node.trunking.putConfig(new ConfigObject(ConfigKind.PORTED_NUMBER, "p1", Scope.platform(platform),
                Map.of("number", "15145557777", "gateway", "b")));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void callToMontreal_goesToItsGatewayStrippedAndPrefixed_presentingTheCallersDid() throws IOException {
        Sipp.Result carrier;
        try (Sipp.Running carrierA = carrier("uas_answer.xml", CARRIER_A, CARRIER_A_PORT)) {
            call("uac_call.xml", "202", "514-555-1234", 16310).assertPassed();
            carrier = carrierA.await();
        }

        carrier.assertPassed();
        String invite = messages(carrier);
        assertThat(invite).as("strip 1, add 99, as carrier A takes numbers")
                .contains("INVITE sip:995145551234@127.0.0.2:16301;user=phone SIP/2.0")
                .contains("P-Asserted-Identity: <sip:+15145550100@127.0.0.1;user=phone>");
        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.caller().user().equals("202"))
                .extracting(d -> d.callee()).contains(new AddressOfRecord("15145551234", OFFICE));
    }

    @Test
    void gatewayAnswering503_theCallGoesThroughTheNextGateway() {
        try (Sipp.Running overloaded = carrier("uas_overloaded.xml", CARRIER_A, CARRIER_A_PORT);
                Sipp.Running answering = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT)) {
            call("uac_call.xml", "204", "14505551234", 16311).assertPassed();
            overloaded.await().assertPassed();
            answering.await().assertPassed();
        }
    }

    @Test
    void calledPartyBusy_isNotTriedThroughAnotherGateway() throws IOException {
        try (Sipp.Running busy = carrier("uas_busy.xml", CARRIER_A, CARRIER_A_PORT);
                UdpPeer secondCarrier = new UdpPeer(CARRIER_B, CARRIER_B_PORT)) {
            call("uac_busy.xml", "205", "14505551235", 16312).assertPassed();
            busy.await().assertPassed();
            assertThat(secondCarrier.drain(Duration.ofMillis(500)))
                    .as("ringing the same person through a second carrier is a defect").isEmpty();
        }
    }

    @Test
    void silentGateway_isLeftForTheNextAfterItsTimer() throws IOException {
        try (UdpPeer dead = new UdpPeer(DEAD_CARRIER, DEAD_CARRIER_PORT);
                Sipp.Running answering = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT)) {
            call("uac_call.xml", "206", "4185551234", 16313).assertPassed();
            answering.await().assertPassed();
            assertThat(dead.await("INVITE sip:14185551234@127.0.0.4", Duration.ofSeconds(1)))
                    .as("the dead gateway was tried first").isNotNull();
        }
    }

    @Test
    void everyGatewayFailing_theCallerGets500NamingTheCause() throws IOException {
        Sipp.Result caller;
        try (Sipp.Running first = carrier("uas_overloaded.xml", CARRIER_A, CARRIER_A_PORT);
                Sipp.Running second = carrier("uas_overloaded.xml", CARRIER_B, CARRIER_B_PORT)) {
            caller = call("uac_downstream_unavailable.xml", "207", "14505551236", 16314);
            first.await().assertPassed();
            second.await().assertPassed();
        }

        caller.assertPassed();
        assertThat(messages(caller)).contains("SIP/2.0 500 ").contains("Reason: SIP;cause=503");
    }

    @Test
    void internationalNumber_withoutAProfileAllowingIt_isRefused() throws IOException {
        Sipp.Result caller = call("uac_call_refused.xml", "208", "011442071234567", 16315);

        caller.assertPassed();
        assertThat(messages(caller)).contains("SIP/2.0 403 Calls To International Numbers Not Allowed");
    }

    @Test
    void emergencyNumber_goesOutWhateverTheProfile() {
        try (Sipp.Running answering = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT)) {
            call("uac_call.xml", "209", "911", 16316).assertPassed();
            answering.await().assertPassed();
        }
    }

    @Test
    void portedNumber_takesItsForcedGateway_notTheRoute() throws IOException {
        try (Sipp.Running forced = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT);
                UdpPeer routeGateway = new UdpPeer(CARRIER_A, CARRIER_A_PORT)) {
            call("uac_call.xml", "210", "5145557777", 16317).assertPassed();
            forced.await().assertPassed();
            assertThat(routeGateway.drain(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void carriersCallToADid_reachesTheRegisteredUser() {
        registerAt("203", 16320, "<sip:203@127.0.0.1:16321>");
        try (Sipp.Running phone = Sipp.scenario("uas_answer.xml", 16321).start().awaitListening()) {
            Sipp.scenario("carrier_call.xml", CARRIER_A_PORT).from(CARRIER_A).to(NODE_PORT).service("15145550101")
                    .key("caller_number", "15145559999").run().assertPassed();
            phone.await().assertPassed();
        }

        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.callee().user().equals("203"))
                .singleElement().satisfies(d -> assertThat(d.callee()).isEqualTo(new AddressOfRecord("203", OFFICE)));
    }

    @Test
    void carriersCallToAUserForwardingToANumber_goesOutThroughATrunk_asAnInboundCallOnItsRecord() throws IOException {
        User forwarding = node.directory.user(new AddressOfRecord("215", OFFICE)).orElseThrow();
        node.directory.saveUser(forwarding.withCallSettings(new CallSettings(false, true, "212 555 1299", null, null, 20)));
        Sipp.Result answered;
        try (Sipp.Running answering = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT)) {
            Sipp.scenario("carrier_call.xml", CARRIER_A_PORT).from(CARRIER_A).to(NODE_PORT).service("15145550103")
                    .key("caller_number", "15145559998").run().assertPassed();
            answered = answering.await();
        } finally {
            node.directory.saveUser(forwarding);
        }
        answered.assertPassed();
        assertThat(messages(answered)).contains("INVITE sip:12125551299@" + CARRIER_B)
                .contains("Diversion: <sip:+15145550103@");
        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.callee().user().equals("215")).singleElement()
                .satisfies(d -> {
                    assertThat(d.facts().direction()).isEqualTo(io.gridpbx.core.dialog.Direction.INBOUND);
                    assertThat(d.facts().gateway()).isEqualTo("b");
                    assertThat(d.facts().e164()).isEqualTo("12125551299");
                });
    }

    @Test
    void callToADid_fromAnAddressThatIsNoCarrier_isRefused() {
        Sipp.scenario("carrier_call_refused_403.xml", 16322).from("127.0.0.5").to(NODE_PORT).service("15145550101")
                .key("caller_number", "15145559999").run().assertPassed();
    }

    @Test
    void carriersCallToANumberThatIsNotOurs_orNotInService_gets404() {
        Sipp.scenario("carrier_call_refused_404.xml", CARRIER_A_PORT).named("unknown-did").from(CARRIER_A).to(NODE_PORT)
                .service("15145559876").key("caller_number", "15145559999").run().assertPassed();
        Sipp.scenario("carrier_call_refused_404.xml", CARRIER_A_PORT).named("unassigned-did").from(CARRIER_A)
                .to(NODE_PORT).service("15145550102").key("caller_number", "15145559999").run().assertPassed();
    }

    @Test
    void aCarrierThatChallengesTheCall_getsTheTrunksCredentials_andTheDialogsCSeqsFollow() {
        // The caller's INVITE has CSeq 2 (after the node's own 407); the carrier takes it again as 3, so the
        // caller's ACK (2) must reach it as 3 and its BYE (3) as 4.
        try (Sipp.Running strict = Sipp.scenario("uas_challenge.xml", STRICT_CARRIER_PORT).named("carrier-strict")
                .from(STRICT_CARRIER).key("trunk_user", "trunk-7").key("trunk_password", "s3cret")
                .start().awaitListening()) {
            call("uac_call.xml", "211", "4165551234", 16318).assertPassed();
            strict.await().assertPassed();
        }
    }

    @Test
    void aCarrierThatRefusesOurCredentials_isNotTheCallersToAnswer() throws IOException {
        try (Sipp.Running strict = Sipp.scenario("uas_challenge.xml", STRICT_CARRIER_PORT).named("carrier-strict-wrong")
                .from(STRICT_CARRIER).key("trunk_user", "trunk-7").key("trunk_password", "another")
                .start().awaitListening()) {
            Sipp.Result refused = call("uac_downstream_unavailable.xml", "212", "4165551235", 16319);
            assertThat(messages(refused)).doesNotContain("carrier.test");
            strict.await();
        }
    }

    @Test
    void aCarriersRedirect_isFollowedThroughRouteSelection() {
        // Montreal goes to carrier A, which redirects to a New York number: that one's route is carrier B's.
        try (Sipp.Running redirecting = carrier("uas_redirect.xml", CARRIER_A, CARRIER_A_PORT, "+12125551234");
                Sipp.Running answering = carrier("uas_answer.xml", CARRIER_B, CARRIER_B_PORT)) {
            call("uac_call.xml", "213", "5145551240", 16325).assertPassed();
            redirecting.await().assertPassed();
            answering.await().assertPassed();
        }
    }

    @Test
    void aRedirectToANumberTheCallersProfileForbids_isRefusedAsIfDialled() throws IOException {
        try (Sipp.Running redirecting = carrier("uas_redirect.xml", CARRIER_A, CARRIER_A_PORT, "+442071234567")) {
            Sipp.Result caller = call("uac_call_refused.xml", "214", "5145551241", 16326);
            caller.assertPassed();
            assertThat(messages(caller)).contains("SIP/2.0 403 Calls To International Numbers Not Allowed")
                    .doesNotContain("198.51.100.7");
            redirecting.await().assertPassed();
        }
    }

    @Test
    void aCarriersTraffic_isNeverTakenForAFlood() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(node.guard().admitsPacket(CARRIER_B)).isTrue();
        }
        assertThat(node.bans.active()).isEmpty();
    }

    private static Sipp.Running carrier(String scenario, String ip, int port, String redirectTo) {
        return Sipp.scenario(scenario, port).named(scenario.replace(".xml", "") + "-" + ip).from(ip)
                .key("redirect_to", redirectTo).start().awaitListening();
    }

    private static Sipp.Running carrier(String scenario, String ip, int port) {
        return Sipp.scenario(scenario, port).named(scenario.replace(".xml", "") + "-" + ip).from(ip).start()
                .awaitListening();
    }

    private static String messages(Sipp.Result result) throws IOException {
        return Files.readString(result.dir().resolve("messages.log"));
    }

    private static void registerAt(String user, int sippPort, String contact) {
        Phones.register(NODE_PORT, user, sippPort, contact);
    }

    private static Sipp.Result call(String scenario, String caller, String dialled, int sippPort) {
        return Phones.call(NODE_PORT, scenario, caller, dialled, sippPort);
    }
}
