package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.location.AddressOfRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls through the stateful proxy on a real JAIN-SIP stack: SIPp phones register, call, ring,
 * answer, cancel and refuse, and the proxy must relay every leg as RFC 3261 section 16 says.
 */
@Timeout(45)
class ProxyCallIT {

    private static final int NODE_PORT = 15061;
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void answeredCall_goesThroughTheProxyBothWaysAndIsTrackedUntilBye() {
        registerAt("211", 16100, "<sip:211@127.0.0.1:16101>");
        try (Sipp.Running callee = Sipp.scenario("uas_answer.xml", 16101).start().awaitListening()) {
            call("uac_call.xml", "210", "211", 16102).assertPassed();
            callee.await().assertPassed();
        }

        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.caller().user().equals("210"))
                .singleElement().satisfies(dialog -> {
                    assertThat(dialog.caller()).isEqualTo(new AddressOfRecord("210", OFFICE));
                    assertThat(dialog.callee()).isEqualTo(new AddressOfRecord("211", OFFICE));
                    assertThat(dialog.nodeId()).isEqualTo("it-" + NODE_PORT);
                    assertThat(node.dialogs.activeWithCallId(dialog.id().callId()))
                            .as("the BYE ended the dialog").isEmpty();
                });
    }

    /** Issue 7: proving in-dialog requests must not stop the real ones (re-INVITE, its ACK, INFO, BYE). */
    @Test
    void midDialogRequests_reInviteAckInfoAndBye_passAlongTheRouteSet() {
        registerAt("208", 16118, "<sip:208@127.0.0.1:16119>");
        try (Sipp.Running callee = Sipp.scenario("uas_answer_mid_dialog.xml", 16119).start().awaitListening()) {
            Sipp.scenario("uac_call_mid_dialog.xml", 16120).to(NODE_PORT).service("208").credentials("207", "pass207")
                    .key("domain", OFFICE).key("caller", "207")
                    .key("mid_host", "127.0.0.1").key("mid_port", Integer.toString(NODE_PORT))
                    .run().assertPassed();
            callee.await().assertPassed();
        }

        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.caller().user().equals("207"))
                .singleElement().satisfies(dialog -> {
                    assertThat(dialog.calleeTarget().contact()).isEqualTo("sip:127.0.0.1:16119");
                    assertThat(dialog.callerTarget().contact()).isEqualTo("sip:207@127.0.0.1:16120");
                    assertThat(node.dialogs.activeWithCallId(dialog.id().callId())).as("the BYE ended it").isEmpty();
                });
    }

    @Test
    void calleeHangsUp_byeGoesThroughTheProxyAndEndsTheDialog() {
        registerAt("206", 16115, "<sip:206@127.0.0.1:16116>");
        try (Sipp.Running callee = Sipp.scenario("uas_answer_then_hang_up.xml", 16116).start().awaitListening()) {
            call("uac_call_callee_hangs_up.xml", "205", "206", 16117).assertPassed();
            callee.await().assertPassed();
        }

        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.caller().user().equals("205"))
                .singleElement().satisfies(dialog -> assertThat(node.dialogs.activeWithCallId(dialog.id().callId()))
                        .as("the callee's BYE ended the dialog").isEmpty());
    }

    @Test
    void cancelWhileRinging_cancelsTheBranchAndAnswers487() {
        registerAt("213", 16103, "<sip:213@127.0.0.1:16104>");
        try (Sipp.Running callee = Sipp.scenario("uas_ring_until_cancelled.xml", 16104).start().awaitListening()) {
            call("uac_cancel.xml", "212", "213", 16105).assertPassed();
            callee.await().assertPassed();
        }

        assertThat(node.dialogs.startedDialogs()).noneMatch(d -> d.caller().user().equals("212"));
    }

    @Test
    void busyCallee_486IsRelayedToTheCaller() {
        registerAt("215", 16106, "<sip:215@127.0.0.1:16107>");
        try (Sipp.Running callee = Sipp.scenario("uas_busy.xml", 16107).start().awaitListening()) {
            call("uac_busy.xml", "214", "215", 16108).assertPassed();
            callee.await().assertPassed();
        }
    }

    /**
     * A 503 means "this node is overloaded": the lone 503 of a callee must not make the caller avoid
     * this proxy (RFC 3261 section 16.7 step 6), so it arrives as 500.
     */
    @Test
    void calleeAnswering503_reachesTheCallerAs500() {
        registerAt("208", 16120, "<sip:208@127.0.0.1:16121>");
        try (Sipp.Running callee = Sipp.scenario("uas_overloaded.xml", 16121).start().awaitListening()) {
            call("uac_downstream_unavailable.xml", "207", "208", 16122).assertPassed();
            callee.await().assertPassed();
        }
    }

    @Test
    void calleeWithoutContacts_gets480() {
        call("uac_unavailable.xml", "216", "217", 16109).assertPassed();
    }

    @Test
    void calleeThatDoesNotExist_gets404() {
        call("uac_not_found.xml", "216", "299", 16110).assertPassed();
    }

    @Test
    void forkedCall_answeredOnOneContact_cancelsTheOtherBranch() {
        registerAt("218", 16111, "<sip:218@127.0.0.1:16112>, <sip:218@127.0.0.1:16113>");
        assertThat(node.contactsOf("218", OFFICE)).hasSize(2);
        try (Sipp.Running ringing = Sipp.scenario("uas_ring_until_cancelled.xml", 16112).start().awaitListening();
                Sipp.Running answering = Sipp.scenario("uas_answer.xml", 16113).start().awaitListening()) {
            call("uac_call.xml", "219", "218", 16114).assertPassed();
            answering.await().assertPassed();
            ringing.await().assertPassed();
        }

        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.caller().user().equals("219"))
                .extracting(Dialog::callee).containsExactly(new AddressOfRecord("218", OFFICE));
    }

    private static void registerAt(String user, int sippPort, String contact) {
        Phones.register(NODE_PORT, user, sippPort, contact);
    }

    private static Sipp.Result call(String scenario, String caller, String callee, int sippPort) {
        return Phones.call(NODE_PORT, scenario, caller, callee, sippPort);
    }
}
