package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The open relay the SIP edge must not be (issue 7): requests that only look in-dialog (a forged To
 * tag, a Route naming the node, no credentials) must never reach the "premium-rate target" they
 * name, nor may a party aim its own dialog at another destination. A real JAIN-SIP node; the
 * attacker, the target and the parties of a dialog are bare UDP sockets on loopback.
 */
@Timeout(45)
class OpenRelayIT {

    private static final int NODE_PORT = 15063;
    private static final Duration NOTHING_WITHIN = Duration.ofMillis(400);
    private static LoopbackNode node;

    private UdpPeer attacker;
    private UdpPeer premium;
    private UdpPeer callee;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @BeforeEach
    void openSockets() throws IOException {
        attacker = new UdpPeer("127.0.0.1", 0);
        premium = new UdpPeer("127.0.0.1", 0);
        callee = new UdpPeer("127.0.0.1", 0);
    }

    @AfterEach
    void closeSockets() {
        attacker.close();
        premium.close();
        callee.close();
    }

    @Test
    void forgedInDialogInviteMessageAndBye_withTheNodesRoute_get403AndNothingReachesTheTarget() throws IOException {
        for (String method : List.of("INVITE", "MESSAGE", "BYE")) {
            String answer = ask(request(method, "sip:900123456@127.0.0.1:" + premium.port(), "relay-" + method,
                    "forged-to-tag", "<sip:127.0.0.1:" + NODE_PORT + ";lr>"), "relay-" + method);

            assertThat(answer).as(method).startsWith("SIP/2.0 403 Not A Dialog Of This Cluster");
        }
        assertThat(premium.drain(NOTHING_WITHIN)).as("what reached the premium-rate target").isEmpty();
        assertThat(attacker.drain(NOTHING_WITHIN)).as("answers besides the 403s (no 100/180/200)").isEmpty();
    }

    @Test
    void forgedSeal_orNoRouteAtAll_get403AndNothingReachesTheTarget() throws IOException {
        String target = "sip:900123456@127.0.0.1:" + premium.port();
        assertThat(ask(request("INVITE", target, "forged-seal", "t1",
                "<sip:127.0.0.1:" + NODE_PORT + ";lr;gs=AAAAAAAAAAAAAAAA>"), "forged-seal")).startsWith("SIP/2.0 403 ");
        assertThat(ask(request("INVITE", target, "no-route", "t1", null), "no-route")).startsWith("SIP/2.0 403 ");

        assertThat(premium.drain(NOTHING_WITHIN)).isEmpty();
    }

    /** The seal is only a pre-filter: a genuine one with a To tag that names no dialog is 481, not forwarded. */
    @Test
    void genuineSealWithAForgedToTag_gets481AndNothingIsForwarded() throws IOException {
        String answer = ask(request("BYE", "sip:900123456@127.0.0.1:" + premium.port(), "leaked-seal", "forged",
                sealedRoute("leaked-seal", "caller-tag")), "leaked-seal");

        assertThat(answer).startsWith("SIP/2.0 481 ");
        assertThat(premium.drain(NOTHING_WITHIN)).isEmpty();
    }

    @Test
    void aPartysOwnDialog_cannotBeAimedAtAnotherDestination() throws IOException {
        Dialog dialog = dialogBetweenAttackerAndCallee("own-dialog");
        String route = sealedRoute("own-dialog", "caller-tag");

        String elsewhere = ask(request("INVITE", "sip:900123456@127.0.0.1:" + premium.port(), "own-dialog",
                "callee-tag", route), "own-dialog");
        String viaAnExtraRoute = ask(request("BYE", dialog.calleeTarget().contact(), "own-dialog", "callee-tag",
                route + ", <sip:127.0.0.1:" + premium.port() + ";lr>"), "own-dialog");

        assertThat(elsewhere).startsWith("SIP/2.0 403 Request-URI Is Not The Dialog's Peer");
        assertThat(viaAnExtraRoute).startsWith("SIP/2.0 403 Route Is Not The Dialog's");
        assertThat(premium.drain(NOTHING_WITHIN)).isEmpty();
        assertThat(callee.drain(NOTHING_WITHIN)).isEmpty();
    }

    /** The control: the same kind of request, proven, does reach the other party (so the checks above can fail). */
    @Test
    void aProvenInDialogRequest_reachesTheOtherPartyOnly() throws IOException {
        Dialog dialog = dialogBetweenAttackerAndCallee("proven");

        attacker.send(request("MESSAGE", dialog.calleeTarget().contact(), "proven", "callee-tag",
                sealedRoute("proven", "caller-tag")), NODE_PORT);

        assertThat(callee.await("MESSAGE sip:", Duration.ofSeconds(5))).as("the MESSAGE at the callee")
                .isNotNull().doesNotContain("Route:");
        assertThat(premium.drain(NOTHING_WITHIN)).isEmpty();
    }

    /**
     * A member hands a call to the member holding the callee's connection with a Route naming that
     * connection, sealed for the call: such a request skips authentication there. A forged or borrowed
     * one is an ordinary INVITE (challenged); a genuine one for a connection this node does not hold
     * gets 430 Flow Failed. Nothing reaches the target either way.
     */
    @Test
    void handoffRoute_forgedOrOfAnotherCall_isChallenged_andGenuineForAConnectionNotHeld_gets430() throws IOException {
        String target = "sip:900123456@127.0.0.1:" + premium.port();
        String flow = "tcp~127.0.0.1~" + premium.port();
        String hostPort = "127.0.0.1:" + NODE_PORT;
        String borrowed = node.routeSeal.seal(hostPort + " " + flow + " -", "another-call", "caller-tag");
        assertThat(ask(request("INVITE", target, "handoff-forged", null,
                "<sip:" + hostPort + ";lr;gf=" + flow + ";gs=AAAAAAAAAAAAAAAA>"), "handoff-forged")).startsWith("SIP/2.0 407 ");
        assertThat(ask(request("INVITE", target, "handoff-borrowed", null,
                "<sip:" + hostPort + ";lr;gf=" + flow + ";gs=" + borrowed + ">"), "handoff-borrowed")).startsWith("SIP/2.0 407 ");

        String genuine = node.routeSeal.seal(hostPort + " " + flow + " -", "handoff-genuine", "caller-tag");
        assertThat(ask(request("INVITE", target, "handoff-genuine", null,
                "<sip:" + hostPort + ";lr;gf=" + flow + ";gs=" + genuine + ">"), "handoff-genuine"))
                .startsWith("SIP/2.0 430 Flow Failed");
        assertThat(premium.await("INVITE", NOTHING_WITHIN)).isNull();
    }

    @Test
    void strayAck_isAbsorbedWithoutAnswer() throws IOException {
        attacker.send(request("ACK", "sip:900123456@127.0.0.1:" + premium.port(), "stray-ack", "forged",
                "<sip:127.0.0.1:" + NODE_PORT + ";lr>"), NODE_PORT);
        attacker.send(request("ACK", "sip:900123456@127.0.0.1:" + premium.port(), "stray-ack2", "forged",
                sealedRoute("stray-ack2", "caller-tag")), NODE_PORT);

        assertThat(premium.drain(NOTHING_WITHIN)).isEmpty();
        assertThat(attacker.drain(NOTHING_WITHIN)).isEmpty();
        assertThat(node.counters().inDialogRefused()).isGreaterThanOrEqualTo(2);
    }

    /** The ACK of a 407 on every call: absorbed on its To tag alone, with no dialog lookup and no refusal counted. */
    @Test
    void ackOfTheNodesOwnChallenge_endsThereWithoutADialogLookup() throws IOException {
        String challenge = ask(request("INVITE", "sip:201@" + OFFICE, "challenged", null, null), "challenged");
        assertThat(challenge).startsWith("SIP/2.0 407 ");
        String ownTag = challenge.lines().filter(line -> line.startsWith("To:")).findFirst().orElseThrow()
                .replaceFirst(".*;tag=", "");
        int lookupsBefore = node.dialogs.lookups();
        long refusedBefore = node.counters().inDialogRefused();

        // Both with a genuine seal, which alone would send them to the dialog lookup.
        String route = sealedRoute("challenged", "caller-tag");
        attacker.send(request("ACK", "sip:201@" + OFFICE, "challenged", ownTag, route), NODE_PORT);
        // The control, sent after it: an ACK with a tag of no one's is looked up and refused.
        attacker.send(request("ACK", "sip:201@" + OFFICE, "challenged", ownTag + "x", route), NODE_PORT);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (node.counters().inDialogRefused() == refusedBefore && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(attacker.drain(NOTHING_WITHIN)).isEmpty();
        assertThat(node.counters().inDialogRefused()).as("refusals").isEqualTo(refusedBefore + 1);
        assertThat(node.dialogs.lookups()).as("dialog lookups").isEqualTo(lookupsBefore + 1);
    }

    @Test
    void cancelMatchingNoInvite_gets481AndIsNotForwarded() throws IOException {
        String cancel = request("CANCEL", "sip:900123456@127.0.0.1:" + premium.port(), "lone-cancel", null,
                "<sip:127.0.0.1:" + NODE_PORT + ";lr>");

        assertThat(ask(cancel, "lone-cancel")).startsWith("SIP/2.0 481 ");
        assertThat(premium.drain(NOTHING_WITHIN)).isEmpty();
    }

    /**
     * A response that matches no transaction (a late or retransmitted one) goes back statelessly only
     * when the node's own Via is on top, one hop up, minus that Via; with anyone else's on top it goes
     * nowhere. The node looks it up by its branch alone and skips the RI's scan of every transaction.
     */
    @Test
    void strayResponse_isRelayedOnlyUnderTheNodesOwnVia() throws IOException {
        callee.send(strayRinging("stray-ours", "127.0.0.1:" + NODE_PORT), NODE_PORT);
        callee.send(strayRinging("stray-foreign", "127.0.0.1:" + premium.port()), NODE_PORT);

        String relayed = attacker.await("Call-ID: stray-ours\r\n", Duration.ofSeconds(5));
        assertThat(relayed).as("the stray 180 at the caller").isNotNull().startsWith("SIP/2.0 180 ")
                .doesNotContain("branch=z9hG4bK-gone-");
        assertThat(attacker.drain(NOTHING_WITHIN)).as("what else reached the caller").isEmpty();
        assertThat(premium.drain(NOTHING_WITHIN)).isEmpty();
    }

    private String strayRinging(String callId, String topVia) {
        return "SIP/2.0 180 Ringing\r\n"
                + "Via: SIP/2.0/UDP " + topVia + ";branch=z9hG4bK-gone-" + callId + "\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + attacker.port() + ";branch=z9hG4bK-" + callId + ";rport\r\n"
                + "From: <sip:200@" + OFFICE + ">;tag=caller-tag\r\n"
                + "To: <sip:201@" + OFFICE + ">;tag=callee-tag\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private Dialog dialogBetweenAttackerAndCallee(String callId) {
        Dialog dialog = new Dialog(new DialogId(callId, "caller-tag", "callee-tag"), new AddressOfRecord("200", OFFICE),
                new AddressOfRecord("201", OFFICE), System.currentTimeMillis(), "it",
                new DialogTarget("sip:200@127.0.0.1:" + attacker.port(), List.of()),
                new DialogTarget("sip:201@127.0.0.1:" + callee.port(), List.of()));
        node.dialogs.started(dialog);
        return dialog;
    }

    private static String sealedRoute(String callId, String callerTag) {
        return "<sip:127.0.0.1:" + NODE_PORT + ";lr;gs="
                + node.routeSeal.seal("127.0.0.1:" + NODE_PORT, callId, callerTag) + ">";
    }

    private String ask(String request, String callId) throws IOException {
        attacker.send(request, NODE_PORT);
        String answer = attacker.await("Call-ID: " + callId + "\r\n", Duration.ofSeconds(5));
        assertThat(answer).as("an answer to " + request.lines().findFirst().orElse("")).isNotNull();
        return answer;
    }

    /** A request from the attacker's socket, as user 200 of the office, with the given tags and Route. */
    private String request(String method, String uri, String callId, String toTag, String route) {
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + attacker.port() + ";branch=z9hG4bK-" + callId + "-" + method + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:200@" + OFFICE + ">;tag=caller-tag\r\n"
                + "To: <sip:201@" + OFFICE + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 7 " + method + "\r\n"
                + "Contact: <sip:200@127.0.0.1:" + attacker.port() + ">\r\n"
                + (route == null ? "" : "Route: " + route + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }
}
