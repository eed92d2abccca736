package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.ACME;
import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.xcap.XcapOutcome;
import io.gridpbx.core.presence.xcap.XcapPrecondition;
import io.gridpbx.core.presence.xcap.XcapUri;
import io.gridpbx.core.voicemail.Mailbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The presence server on a real JAIN-SIP stack, driven by SIPp watchers and publishers (issue 12):
 * SUBSCRIBE with digest, the first NOTIFY at once, NOTIFYs as the watched state changes (a PUBLISH,
 * a call ringing, answered and hung up, a mailbox), unsubscribe, and the refusals a presence server
 * owes bad or unauthorised requests.
 */
@Timeout(60)
class PresenceIT {

    private static final int NODE_PORT = 15181;
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
    void presenceWatcher_seesAPublicationArriveAndLeave_thenUnsubscribes() {
        try (Sipp.Running watcher = watch("uac_watch_presence.xml", "201", "200", 16201).start()) {
            awaitWatched(new AddressOfRecord("200", OFFICE), EventPackage.PRESENCE);
            Sipp.scenario("uac_publish.xml", 16202).to(NODE_PORT).service("200").credentials("200", "pass200")
                    .key("domain", OFFICE).run().assertPassed();
            watcher.await().assertPassed();
        }
        assertThat(node.subscriptions.watched(new AddressOfRecord("200", OFFICE), EventPackage.PRESENCE))
                .as("the unsubscribe ended the subscription").isFalse();
    }

    @Test
    void busyLamp_showsACallToTheWatchedUserRingingAnsweredAndEnded() {
        AddressOfRecord watched = new AddressOfRecord("203", OFFICE);
        Phones.register(NODE_PORT, "203", 16203, "<sip:203@127.0.0.1:16204>");
        try (Sipp.Running watcher = watch("uac_watch_dialog.xml", "205", "203", 16205).start();
                Sipp.Running callee = Sipp.scenario("uas_ring_then_answer.xml", 16204).start().awaitListening()) {
            awaitWatched(watched, EventPackage.DIALOG);
            Phones.call(NODE_PORT, "uac_call_held.xml", "204", "203", 16206).assertPassed();
            callee.await().assertPassed();
            watcher.await().assertPassed();
        }
    }

    @Test
    void messageWaiting_followsTheMailbox() throws InterruptedException {
        AddressOfRecord owner = new AddressOfRecord("207", OFFICE);
        long delivered = node.counters().notifiesDelivered();
        try (Sipp.Running watcher = Sipp.scenario("uac_watch_mwi.xml", 16207).to(NODE_PORT).service("207")
                .credentials("207", "pass207").key("domain", OFFICE).start()) {
            awaitWatched(owner, EventPackage.MESSAGE_SUMMARY);
            // the first NOTIFY (no message) must have read the mailbox before the test changes it
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (node.counters().notifiesDelivered() == delivered) {
                assertThat(System.nanoTime()).as("the first NOTIFY answered").isLessThan(end);
                Thread.sleep(20);
            }
            node.mailboxes.put(owner, new Mailbox.Count(2, 3));
            node.presence.changed(owner, EventPackage.MESSAGE_SUMMARY);
            watcher.await().assertPassed();
        }
    }

    /**
     * Directed pickup through a busy lamp: 212 calls 213, which rings; 214 watches 213 and sends an INVITE
     * with Replaces naming the ringing call to 213; the node sends it to the caller 212 (only the UA
     * that initiated an early dialog may accept its replacement, RFC 3891 section 3), which answers the
     * picker and cancels its first INVITE, which stops 213 ringing.
     */
    @Test
    void directedPickup_reachesTheCallerOfTheRingingCall_whichCancelsTheRinging() throws Exception {
        AddressOfRecord ringingUser = new AddressOfRecord("213", OFFICE);
        Phones.register(NODE_PORT, "213", 16211, "<sip:213@127.0.0.1:16212>");
        try (Sipp.Running lamp = watch("uac_watch_ringing.xml", "214", "213", 16213).start();
                Sipp.Running callee = Sipp.scenario("uas_ring_until_cancelled.xml", 16212).start().awaitListening();
                UdpPeer caller = new UdpPeer("127.0.0.1", 16214)) {
            awaitWatched(ringingUser, EventPackage.DIALOG);
            PickupCaller call = new PickupCaller(caller, NODE_PORT);
            String calleeTag = call.inviteUntilRinging("212", "213");

            Sipp.Running picker = Sipp.scenario("uac_pickup.xml", 16215).to(NODE_PORT).service("213")
                    .credentials("214", "pass214").key("domain", OFFICE).key("caller", "214")
                    .key("replaces", call.callId() + ";to-tag=" + call.callerTag() + ";from-tag=" + calleeTag + ";early-only")
                    .start();
            String pickupInvite = call.answerPickup();
            assertThat(pickupInvite).as("the INVITE with Replaces reached the caller").contains("Replaces: " + call.callId());
            call.cancelFirstInvite();
            call.answerBye();
            picker.await().assertPassed();
            callee.await().assertPassed();
            lamp.await().assertPassed();
        }
    }

    /**
     * RLS (RFC 4662) over lists made through XCAP (RFC 4825/4826): 209's resource-lists document (a PUT that
     * must not overwrite, then one that is refused for that), its rls-services document naming the list
     * by XCAP reference; a SUBSCRIBE to the list URI gets a multipart RLMI NOTIFY with a part per resource,
     * then another when one of them publishes.
     */
    @Test
    void listSubscription_getsRlmiWithAPartPerResource_andFollowsThem() throws Exception {
        AddressOfRecord owner = new AddressOfRecord("209", OFFICE);
        byte[] lists = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"buddies\">"
                + "<entry uri=\"sip:201@" + OFFICE + "\"/><entry uri=\"sip:202@" + OFFICE + "\"/></list></resource-lists>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var listsUri = XcapUri.parse("/xcap/resource-lists/users/sip:209@" + OFFICE + "/index");
        assertThat(node.xcap.put(owner, listsUri, "application/resource-lists+xml", lists, XcapPrecondition.ifAbsent()))
                .isInstanceOf(XcapOutcome.Stored.class);
        assertThat(node.xcap.put(owner, listsUri, "application/resource-lists+xml", lists, XcapPrecondition.ifAbsent()))
                .as("If-None-Match: * on a document that exists").isInstanceOfSatisfying(XcapOutcome.Refused.class,
                        refused -> assertThat(refused.status()).isEqualTo(412));
        byte[] services = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\"><service uri=\"sip:209-buddies@" + OFFICE + "\">"
                + "<resource-list>/xcap/resource-lists/users/sip:209@" + OFFICE
                + "/index/~~/resource-lists/list[@name=&quot;buddies&quot;]</resource-list>"
                + "<packages><package>presence</package></packages></service></rls-services>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(node.xcap.put(owner, XcapUri.parse("/xcap/rls-services/users/sip:209@" + OFFICE + "/index"),
                "application/rls-services+xml", services, XcapPrecondition.NONE)).isInstanceOf(XcapOutcome.Stored.class);

        try (Sipp.Running watcher = watch("uac_watch_list.xml", "209", "209-buddies", 16216).start()) {
            awaitWatched(new AddressOfRecord("209-buddies", OFFICE), EventPackage.PRESENCE);
            Sipp.scenario("uac_publish.xml", 16217).to(NODE_PORT).service("201").credentials("201", "pass201")
                    .key("domain", OFFICE).run().assertPassed();
            watcher.await().assertPassed();
        }
    }

    @Test
    void listSubscriptionWithoutEventlistSupport_gets421() throws Exception {
        AddressOfRecord owner = new AddressOfRecord("210", OFFICE);
        byte[] services = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\" xmlns:rl=\"urn:ietf:params:xml:ns:resource-lists\">"
                + "<service uri=\"sip:210-team@" + OFFICE + "\"><list><rl:entry uri=\"sip:201@" + OFFICE + "\"/></list>"
                + "</service></rls-services>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(node.xcap.put(owner, XcapUri.parse("/xcap/rls-services/users/sip:210@" + OFFICE + "/index"),
                "application/rls-services+xml", services, XcapPrecondition.NONE)).isInstanceOf(XcapOutcome.Stored.class);
        watch("subscribe_list_unsupported.xml", "210", "210-team", 16218).run().assertPassed();
    }

    /** Bad input is answered before any challenge, and costs the node nothing: an XML bomb, a broken Event header. */
    @Test
    void xmlBombInAPublish_andAMalformedEventHeader_get400BeforeAnyChallenge() throws Exception {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:201@" + OFFICE + "\">&lol3;</presence>";
        try (UdpPeer phone = new UdpPeer("127.0.0.1", 16219)) {
            phone.send(request("PUBLISH", phone, "Event: presence\r\nContent-Type: application/pidf+xml\r\n", bomb), NODE_PORT);
            String answer = phone.await("SIP/2.0 ", Duration.ofSeconds(5));
            assertThat(answer).as("the bomb's answer").startsWith("SIP/2.0 400 ");

            phone.send(request("SUBSCRIBE", phone, "Event: pres ence;;id=\r\nContact: <sip:201@127.0.0.1:16219>\r\n", ""),
                    NODE_PORT);
            assertThat(phone.await("SIP/2.0 ", Duration.ofSeconds(5))).as("a broken Event header").startsWith("SIP/2.0 400 ");
        }
        assertThat(node.presence.watchesCalls(new AddressOfRecord("201", OFFICE))).isFalse();
    }

    private static String request(String method, UdpPeer phone, String headers, String body) {
        return method + " sip:201@" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK-" + method + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:201@" + OFFICE + ">;tag=bad-input\r\nTo: <sip:201@" + OFFICE + ">\r\n"
                + "Call-ID: bad-input-" + method + "-" + System.nanoTime() + "\r\nCSeq: 1 " + method + "\r\n" + headers
                + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void unknownPackage_gets489WithAllowEvents_beforeAnyChallenge() {
        watch("subscribe_bad_event.xml", "201", "200", 16208).run().assertPassed();
    }

    @Test
    void subscriptionShorterThanTheMinimum_gets423WithMinExpires() {
        watch("subscribe_too_brief.xml", "201", "200", 16209).run().assertPassed();
    }

    @Test
    void userOfAnotherClient_mayNotWatch() {
        Sipp.scenario("subscribe_forbidden.xml", 16210).to(NODE_PORT).service("200").credentials("300", "pass300")
                .key("domain", ACME).key("target", OFFICE).key("watcher", "300").run().assertPassed();
        assertThat(node.subscriptions.watched(new AddressOfRecord("200", OFFICE), EventPackage.PRESENCE)).isFalse();
    }

    /** The caller of a call that gets picked up: a bare UDP phone, since SIPp cannot take a second Call-ID's INVITE. */
    private static final class PickupCaller {
        private static final Duration PATIENCE = Duration.ofSeconds(10);
        private final UdpPeer socket;
        private final int nodePort;
        private final String callId = "pickup-" + System.nanoTime() + "@127.0.0.1";
        private String caller = "";
        private String callee = "";

        PickupCaller(UdpPeer socket, int nodePort) {
            this.socket = socket;
            this.nodePort = nodePort;
        }

        String callId() {
            return callId;
        }

        String callerTag() {
            return "caller-tag";
        }

        /** INVITE, 407, ACK, INVITE with credentials, until 180; returns the callee's tag. */
        String inviteUntilRinging(String from, String to) throws Exception {
            this.caller = from;
            this.callee = to;
            socket.send(invite(1, "b1", null), nodePort);
            String challenge = required(socket.await("407 ", PATIENCE), "407");
            socket.send(ack(1, "b1", header(challenge, "To")), nodePort);
            var offered = io.gridpbx.core.digest.DigestClient.parse(header(challenge, "Proxy-Authenticate")).orElseThrow();
            String credentials = io.gridpbx.core.digest.DigestClient.answer(offered, from, "pass" + from, "INVITE",
                    "sip:" + to + "@" + OFFICE, "0a4f113b", 1);
            socket.send(invite(2, "b2", credentials), nodePort);
            String ringing = required(socket.await("180 ", PATIENCE), "180");
            String toHeader = header(ringing, "To");
            return toHeader.substring(toHeader.indexOf("tag=") + 4).split(";")[0].strip();
        }

        /** Waits for the INVITE with Replaces and answers it 200, echoing its Record-Route; returns it. */
        String answerPickup() throws Exception {
            String invite = required(socket.await("Replaces:", PATIENCE), "INVITE with Replaces");
            StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
            for (String line : invite.split("\r\n")) {
                String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
                if (name.equalsIgnoreCase("Via") || name.equalsIgnoreCase("Record-Route") || name.equalsIgnoreCase("From")
                        || name.equalsIgnoreCase("Call-ID") || name.equalsIgnoreCase("CSeq")) {
                    ok.append(line).append("\r\n");
                } else if (name.equalsIgnoreCase("To")) {
                    ok.append(line).append(";tag=picked-up\r\n");
                }
            }
            ok.append("Contact: <sip:").append(caller).append("@127.0.0.1:").append(socket.port()).append(">\r\n")
                    .append("Content-Length: 0\r\n\r\n");
            socket.send(ok.toString(), nodePort);
            return invite;
        }

        /** CANCEL of the first INVITE (RFC 3261 section 9.1: its branch and CSeq), then the ACK of its 487. */
        void cancelFirstInvite() throws Exception {
            socket.send(request("CANCEL", 2, "b2", "To: <sip:" + callee + "@" + OFFICE + ">", null), nodePort);
            String terminated = required(socket.await("487 ", PATIENCE), "487");
            socket.send(ack(2, "b2", header(terminated, "To")), nodePort);
        }

        /** The picker hangs up: 200 to its BYE. */
        void answerBye() throws Exception {
            String bye = required(socket.await("BYE sip:", PATIENCE), "BYE");
            StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
            for (String line : bye.split("\r\n")) {
                String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
                if (java.util.List.of("via", "from", "to", "call-id", "cseq").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    ok.append(line).append("\r\n");
                }
            }
            socket.send(ok.append("Content-Length: 0\r\n\r\n").toString(), nodePort);
        }

        private String invite(int cseq, String branch, String credentials) {
            return request("INVITE", cseq, branch, "To: <sip:" + callee + "@" + OFFICE + ">", credentials);
        }

        private String ack(int cseq, String branch, String to) {
            return request("ACK", cseq, branch, "To: " + to, null);
        }

        private String request(String method, int cseq, String branch, String to, String credentials) {
            return method + " sip:" + callee + "@" + OFFICE + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.port() + ";branch=z9hG4bK-" + callId.hashCode() + branch + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + caller + "@" + OFFICE + ">;tag=" + callerTag() + "\r\n"
                    + to + "\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: " + cseq + " " + method + "\r\n"
                    + ("INVITE".equals(method) ? "Contact: <sip:" + caller + "@127.0.0.1:" + socket.port() + ">\r\n" : "")
                    + (credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n")
                    + "Content-Length: 0\r\n\r\n";
        }

        private static String header(String message, String name) {
            for (String line : message.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            throw new AssertionError("no " + name + " in " + message);
        }

        private static String required(String message, String what) {
            assertThat(message).as("a %s within %s", what, PATIENCE).isNotNull();
            return message;
        }
    }

    private static Sipp watch(String scenario, String watcher, String watched, int sippPort) {
        return Sipp.scenario(scenario, sippPort).to(NODE_PORT).service(watched).credentials(watcher, "pass" + watcher)
                .key("domain", OFFICE).key("watcher", watcher).timeout(Duration.ofSeconds(40));
    }

    /** Waits until the node holds the watcher's subscription (its SUBSCRIBE went through). */
    private static void awaitWatched(AddressOfRecord resource, EventPackage event) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!node.subscriptions.watched(resource, event)) {
            assertThat(System.nanoTime()).as("a subscription to %s for %s", resource, event).isLessThan(end);
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
