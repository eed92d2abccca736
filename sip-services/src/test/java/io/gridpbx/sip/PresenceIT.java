package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.ACME;
import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventPackage;
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
    void messageWaiting_followsTheMailbox() {
        AddressOfRecord owner = new AddressOfRecord("207", OFFICE);
        try (Sipp.Running watcher = Sipp.scenario("uac_watch_mwi.xml", 16207).to(NODE_PORT).service("207")
                .credentials("207", "pass207").key("domain", OFFICE).start()) {
            awaitWatched(owner, EventPackage.MESSAGE_SUMMARY);
            node.mailboxes.put(owner, new Mailbox.Count(2, 3));
            node.presence.changed(owner, EventPackage.MESSAGE_SUMMARY);
            watcher.await().assertPassed();
        }
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
