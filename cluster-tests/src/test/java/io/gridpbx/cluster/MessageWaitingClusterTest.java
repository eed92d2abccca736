package io.gridpbx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.voicemail.Wavs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12's message waiting (RFC 3842) through the front doors of a real node process: a SIPp desk phone
 * (user 202, the demo user with a portal login) subscribes to its own {@code message-summary} with digest
 * credentials and gets "none waiting"; a voicemail imported through the REST API with the client's token
 * lights its lamp (1 new, 0 old); the user deletes it in the portal, in headless Chromium, and the lamp goes
 * out. Exactly one NOTIFY per state: the watcher answers each where its Via says and tells a retransmission
 * (a CSeq it answered) from a new NOTIFY, and the node counts the NOTIFYs it sent. Logs stay in
 * {@code target/message-waiting/}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MessageWaitingClusterTest {

    private static final Path RUN_DIR = Path.of("target", "message-waiting").toAbsolutePath();
    private static final NodeProcess.Spec NODE = new NodeProcess.Spec("node", "127.0.0.150", 49760, 49761, 49780);
    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final String USER = "202";
    private static final String BOX = "/api/v1/users/" + USER + "@" + OFFICE + "/voicemails";
    private static final String CLIENT_TOKEN = "office-client-token";
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Pattern NOTIFY = Pattern.compile("NOTIFY cseq=(\\d+) waiting=(\\w+) voice=(\\d+/\\d+)");

    private static NodeProcess node;

    @BeforeAll
    static void startANode() throws Exception {
        TestDirs.fresh(RUN_DIR);
        node = NodeProcess.start(NODE, List.of(NODE.member()), "message-waiting-" + ProcessHandle.current().pid(),
                "message-waiting-operator", RUN_DIR);
        node.awaitUp(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopTheNode() throws InterruptedException {
        if (node != null) {
            node.requestStop();
            node.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void aMessageImportedThroughTheApi_lightsTheLamp_andDeletingItInThePortal_putsItOut() throws Exception {
        Path log = RUN_DIR.resolve("watcher.log");
        Sipp watcher = Sipp.start("watcher", "mwi_watch_portal.xml", NODE.host() + ":" + NODE.sipPort(), List.of(
                "-i", "127.0.0.1", "-p", "49790", "-s", USER, "-key", "domain", OFFICE,
                "-au", USER, "-ap", "pass" + USER, "-m", "1", "-trace_logs", "-log_file", log.toString(),
                "-timeout", "240s", "-timeout_error"), RUN_DIR);
        try {
            Eventually.await("the first NOTIFY: no message", STEP, () -> notifies(log), n -> n.size() == 1);
            assertThat(notifies(log).values()).containsExactly("no 0/0");

            String imported = node.post(BOX + "?caller=%2B15145550177", "audio/wav", Wavs.pcm(2), CLIENT_TOKEN);
            String id = imported.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            Eventually.await("a NOTIFY for the imported message", STEP, () -> notifies(log), n -> n.size() == 2);
            assertThat(notifies(log).values()).containsExactly("no 0/0", "yes 1/0");

            try (Browser browser = Browser.open("http://" + NODE.host() + ":" + NODE.httpPort())) {
                browser.go("login").type("email", USER + "@" + OFFICE).type("password", "demo-pass").click("sign-in");
                browser.waitUntil("the user signed in", () -> !browser.path().equals("login"));
                browser.go("portal/voicemail");
                browser.waitUntil("the message in the portal", () -> browser.gridRows("voicemail-grid").stream()
                        .anyMatch(row -> row.contains("+15145550177")));
                browser.click("delete-" + id).click("confirm-delete");
                browser.waitUntil("the mailbox shown empty", () -> browser.byId("voicemail-empty").isDisplayed());
                browser.screenshot("user-voicemail-deleted");
            }
            Eventually.await("a NOTIFY for the deleted message", STEP, () -> notifies(log), n -> n.size() == 3);
            assertThat(notifies(log).values()).containsExactly("no 0/0", "yes 1/0", "no 0/0");

            Sipp.Result watched = watcher.await(STEP);
            assertThat(watched.exitCode()).as("%s", watched).isZero();
            assertThat(watched.successful()).isEqualTo(1);
            // The node counts NOTIFY transactions, not their retransmissions: one per state, not one more.
            NodeStatus status = node.status();
            assertThat(status.field("notifies")).as("NOTIFYs sent: %s", status).isEqualTo(3);
            assertThat(status.field("notifiesDelivered")).as("NOTIFYs answered: %s", status).isEqualTo(3);
            assertThat(node.get(BOX, CLIENT_TOKEN)).isEqualTo("[]");
        } finally {
            watcher.stop();
        }
    }

    /** The watcher's NOTIFYs so far, by CSeq (a retransmission counts once): "waiting new/old". */
    private static Map<String, String> notifies(Path log) throws IOException {
        Map<String, String> byCseq = new LinkedHashMap<>();
        if (Files.isRegularFile(log)) {
            Matcher m = NOTIFY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                byCseq.putIfAbsent(m.group(1), m.group(2) + " " + m.group(3));
            }
        }
        return byCseq;
    }
}
