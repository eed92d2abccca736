package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user's call forwarding on a real JAIN-SIP node, with SIPp phones and a SIPp carrier: unconditional
 * to another extension, on busy, on no answer to a number through a trunk, and a forwarding loop.
 */
@Timeout(60)
class CallForwardingIT {

    private static final int NODE_PORT = 15091;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
        node.trunking.putGateway(new Gateway("a", "Carrier A", "127.0.0.2", 16501, Gateway.Transport.UDP, null, null,
                0, null, false));
        node.trunking.putRoute(new OutboundRoute("mtl", DemoTenants.PLATFORM_DOMAIN, "Montreal", "\\+?1514[0-9]{7}", 1,
                List.of("a")));
        forward("200", new CallSettings(false, true, "201", null, null, 20));
        forward("203", new CallSettings(false, true, null, "204", null, 20));
        forward("206", new CallSettings(false, true, null, null, "514 555 1234", 5));
        node.trunking.putDid(new io.gridpbx.core.trunking.Did("15145550106", "demo.gridpbx.test", OFFICE, "206"));
        forward("208", new CallSettings(false, true, "209", null, null, 20));
        forward("209", new CallSettings(false, true, "sip:208@" + OFFICE, null, null, 20));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void unconditionalForward_ringsTheOtherExtensionInstead_sayingWhoForwarded() throws IOException {
        registerAt("201", 16510, "<sip:201@127.0.0.1:16511>");
        Sipp.Result callee;
        try (Sipp.Running phone = Sipp.scenario("uas_answer.xml", 16511).start().awaitListening()) {
            call("uac_call.xml", "202", "200", 16512).assertPassed();
            callee = phone.await();
        }

        callee.assertPassed();
        assertThat(Files.readString(callee.dir().resolve("messages.log")))
                .contains("Diversion: <sip:200@" + OFFICE + ">;reason=unconditional;counter=1");
        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.caller().user().equals("202"))
                .extracting(d -> d.callee()).contains(new AddressOfRecord("200", OFFICE));
    }

    @Test
    void busyCallee_forwardsOnBusy() {
        registerAt("203", 16520, "<sip:203@127.0.0.1:16521>");
        registerAt("204", 16522, "<sip:204@127.0.0.1:16523>");
        try (Sipp.Running busy = Sipp.scenario("uas_busy.xml", 16521).start().awaitListening();
                Sipp.Running answering = Sipp.scenario("uas_answer.xml", 16523).start().awaitListening()) {
            call("uac_call.xml", "205", "203", 16524).assertPassed();
            busy.await().assertPassed();
            answering.await().assertPassed();
        }
    }

    @Test
    void unansweredCallee_forwardsAfterItsRingTime_toANumberThroughATrunk() throws IOException {
        registerAt("206", 16530, "<sip:206@127.0.0.1:16531>");
        Sipp.Result carrier;
        try (Sipp.Running ringing = Sipp.scenario("uas_ring_until_cancelled.xml", 16531).start().awaitListening();
                Sipp.Running answering = Sipp.scenario("uas_answer.xml", 16501).named("carrier-forward")
                        .from("127.0.0.2").start().awaitListening()) {
            call("uac_call.xml", "207", "206", 16532).assertPassed();
            ringing.await().assertPassed();
            carrier = answering.await();
        }

        carrier.assertPassed();
        assertThat(Files.readString(carrier.dir().resolve("messages.log")))
                .contains("INVITE sip:15145551234@127.0.0.2:16501;user=phone")
                .contains("Diversion: <sip:+15145550106@127.0.0.1;user=phone>;reason=no-answer");
    }

    @Test
    void forwardingLoop_isStoppedWith482() throws IOException {
        Sipp.Result caller = call("uac_call_refused.xml", "210", "208", 16540);

        caller.assertPassed();
        assertThat(Files.readString(caller.dir().resolve("messages.log"))).contains("SIP/2.0 482 Call Forwarding Loop");
    }

    private static void forward(String extension, CallSettings settings) {
        User user = node.directory.user(new AddressOfRecord(extension, OFFICE)).orElseThrow();
        node.directory.saveUser(user.withCallSettings(settings));
    }

    private static void registerAt(String user, int sippPort, String contact) {
        Phones.register(NODE_PORT, user, sippPort, contact);
    }

    private static Sipp.Result call(String scenario, String caller, String callee, int sippPort) {
        return Phones.call(NODE_PORT, scenario, caller, callee, sippPort);
    }
}
