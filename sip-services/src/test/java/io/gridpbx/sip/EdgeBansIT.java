package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanReason;
import io.gridpbx.core.security.EdgeThresholds;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Floods, password guessing and scanners against a real node, each attacker on its own loopback
 * address (127.0.0.2x) and the phones on others: the attacker is refused without a word, the rest
 * are served, and a ban lifts when its time is over.
 */
@Timeout(90)
class EdgeBansIT {

    private static final int NODE_PORT = 15064;
    private static final Duration BAN = Duration.ofSeconds(5);
    /** Small limits, so that a test reaches them quickly. */
    private static final EdgeThresholds LIMITS = new EdgeThresholds(40, Duration.ofSeconds(2), 3, 6,
            Duration.ofMinutes(1), 5, Duration.ofMinutes(1), BAN, 1000, EdgeThresholds.SCANNERS);
    private static LoopbackNode node;

    @BeforeAll
    static void startNode() {
        node = LoopbackNode.start(NODE_PORT, LIMITS);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aSippFloodFromOneSource_isBannedWhileAnotherSourceIsServed_andTheBanLiftsOnTime() throws IOException {
        Sipp.Result flood = Sipp.scenario("options_flood.xml", 16170).from("127.0.0.21").to(NODE_PORT)
                .rate(1000).calls(200).timeout(Duration.ofSeconds(30)).run();

        // The first 40 requests of the window are answered; after the ban, nothing at all. At most two
        // more: the request that crosses the limit may already be past the check on another listener
        // thread when the ban is set (CI saw 41), and a flood across a window boundary is estimated from
        // the past window's count as if spread over it (CI saw 80 when the windows were fixed).
        assertThat(flood.successful()).as(flood.describe()).isBetween(1L, 42L);
        assertThat(flood.failed()).as(flood.describe()).isEqualTo(200 - flood.successful());
        Ban ban = banOf("127.0.0.21");
        assertThat(ban.reason()).isEqualTo(BanReason.FLOOD);
        assertThat(ban.until()).isEqualTo(ban.since().plus(BAN));

        Sipp.scenario("options.xml", 16171).from("127.0.0.22").to(NODE_PORT).run().assertPassed();

        try (SourceSocket flooder = new SourceSocket("127.0.0.21", NODE_PORT)) {
            assertDroppedSilently(flooder, flooder.options("after-ban"));
            // Ask every 250 ms, as a phone's retransmissions would, until the node answers again.
            String answer = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (answer == null && System.nanoTime() < deadline) {
                flooder.send(flooder.options("lifted-" + System.nanoTime()));
                answer = flooder.receive(Duration.ofMillis(250));
            }
            Instant answeredAt = Instant.now();
            assertThat(answer).as("answered once the ban is over").startsWith("SIP/2.0 200 ");
            assertThat(answeredAt).isAfterOrEqualTo(ban.until()).isBefore(ban.until().plusSeconds(3));
        }
    }

    @Test
    void passwordGuessing_locksTheAttackerOutForThatUser_whileTheRealPhoneKeepsRegistering() throws IOException {
        try (SourceSocket attacker = new SourceSocket("127.0.0.23", NODE_PORT)) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(guess(attacker, "210", "guess" + attempt, "guess-210-" + attempt)).startsWith("SIP/2.0 401 ");
            }
            assertThat(node.lockouts).anySatisfy(lockout -> {
                assertThat(lockout.address()).isEqualTo("127.0.0.23");
                assertThat(lockout.user()).isEqualTo("210@" + OFFICE);
            });

            // Locked out for 210 even with the right password: the answer is dropped without a word.
            String callId = "right-210";
            String nonce = nonceOf(attacker.answerTo(register(attacker, "210", callId, 1, ""), "CSeq: 1 ", Duration.ofSeconds(5)));
            assertDroppedSilently(attacker, register(attacker, "210", callId, 2, authorization("210", "pass210", nonce)));
            assertThat(node.contactsOf("210", OFFICE)).noneMatch(b -> b.contactUri().contains("127.0.0.23"));

            // The real phone, on its own address, registers as 210 all the same.
            Sipp.scenario("register.xml", 16172).from("127.0.0.24").to(NODE_PORT).service("210")
                    .credentials("210", "pass210").key("domain", OFFICE).key("contact", "<sip:210@127.0.0.24:16172>")
                    .key("expires", "600").run().assertPassed();
            assertThat(node.contactsOf("210", OFFICE)).anyMatch(b -> b.contactUri().contains("127.0.0.24"));

            // Guessing another user's password is refused per user too, and past 6 guesses the whole source is banned.
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(guess(attacker, "211", "guess" + attempt, "guess-211-" + attempt)).startsWith("SIP/2.0 401 ");
            }
            assertThat(banOf("127.0.0.23").reason()).isEqualTo(BanReason.PASSWORD_GUESSING);
            assertThat(node.lockouts).anySatisfy(ban -> assertThat(ban.user()).isNull());
            assertDroppedSilently(attacker, attacker.options("banned-guesser"));
        }
    }

    @Test
    void aScannerUserAgent_isDroppedSilently_andItsSourceStaysBannedEvenForMalformedRequests() throws IOException {
        try (SourceSocket scanner = new SourceSocket("127.0.0.25", NODE_PORT);
                SourceSocket phone = new SourceSocket("127.0.0.26", NODE_PORT)) {
            String probe = scanner.request("OPTIONS", "sip:100@127.0.0.1", "sip:100@127.0.0.1", "sip:100@127.0.0.1",
                    "scan-1", 1, "User-Agent: friendly-scanner\r\n");
            assertDroppedSilently(scanner, probe);
            assertThat(banOf("127.0.0.25").reason()).isEqualTo(BanReason.SCANNER);

            // JAIN-SIP answers this one with its own 400 to anyone else (MalformedInputIT): not to a banned source.
            assertDroppedSilently(scanner, scanner.options("scan-2").replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS"));
            assertDroppedSilently(scanner, scanner.options("scan-3"));

            assertThat(phone.answerTo(phone.options("phone-1"), "Call-ID: phone-1", Duration.ofSeconds(5)))
                    .startsWith("SIP/2.0 200 ");
        }
    }

    /** Over TCP the parser knows no source: the message valve drops a scanner's requests, then all its requests. */
    @Test
    void overTcp_aScannerIsDroppedAndItsSourceRefused() throws IOException {
        try (java.net.Socket tcp = new java.net.Socket()) {
            tcp.bind(new java.net.InetSocketAddress("127.0.0.29", 0));
            tcp.connect(new java.net.InetSocketAddress("127.0.0.1", NODE_PORT), 2000);
            tcp.setSoTimeout(300);
            String self = "127.0.0.29:" + tcp.getLocalPort();
            for (String callId : List.of("tcp-scan", "tcp-after")) {
                long before = node.guard().dropped();
                String agent = callId.equals("tcp-scan") ? "User-Agent: sipcli/v1.8\r\n" : "";
                tcp.getOutputStream().write(("OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                        + "Via: SIP/2.0/TCP " + self + ";branch=z9hG4bK-" + callId + "\r\n"
                        + "Max-Forwards: 70\r\nFrom: <sip:probe@" + self + ">;tag=" + callId + "\r\n"
                        + "To: <sip:127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\n" + agent
                        + "Content-Length: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                await(() -> node.guard().dropped() > before, "the node drops " + callId);
            }
            assertThat(banOf("127.0.0.29").reason()).isEqualTo(BanReason.SCANNER);
            try {
                assertThat(tcp.getInputStream().read()).as("no answer on the connection").isEqualTo(-1);
            } catch (java.net.SocketTimeoutException quiet) {
                // nothing came: the expected outcome
            }
        }
    }

    @Test
    void aSourceThatKeepsProbingUnknownDomains_isBannedSilently() throws IOException {
        try (SourceSocket prober = new SourceSocket("127.0.0.27", NODE_PORT)) {
            for (int i = 1; i <= 5; i++) {
                String user = "sip:" + (100 + i) + "@nowhere.example";
                String answer = prober.answerTo(prober.request("REGISTER", "sip:nowhere.example", user, user,
                        "probe-" + i, 1, ""), "Call-ID: probe-" + i, Duration.ofSeconds(5));
                assertThat(answer).startsWith("SIP/2.0 404 ");
            }
            assertThat(banOf("127.0.0.27").reason()).isEqualTo(BanReason.PROBING);
            String user = "sip:106@nowhere.example";
            assertDroppedSilently(prober, prober.request("REGISTER", "sip:nowhere.example", user, user, "probe-6", 1, ""));
        }
    }

    /** REGISTER, 401, REGISTER with a wrong answer: the node's second answer. */
    private static String guess(SourceSocket attacker, String user, String password, String callId) throws IOException {
        String nonce = nonceOf(attacker.answerTo(register(attacker, user, callId, 1, ""), "CSeq: 1 ", Duration.ofSeconds(5)));
        return attacker.answerTo(register(attacker, user, callId, 2, authorization(user, password, nonce)),
                "CSeq: 2 ", Duration.ofSeconds(5));
    }

    /** Sends the request and waits until the node counts it dropped; then no answer to it can come. */
    private static void assertDroppedSilently(SourceSocket source, String request) throws IOException {
        long before = node.guard().dropped();
        source.send(request);
        await(() -> node.guard().dropped() > before, "the node drops the request from " + source.address);
        assertThat(source.receive(Duration.ofMillis(200))).as("an answer to a dropped request").isNull();
    }

    private static Ban banOf(String address) {
        List<Ban> bans = node.bans.active().stream().filter(b -> b.address().equals(address) && b.user() == null).toList();
        assertThat(bans).as("bans of %s", address).hasSize(1);
        return bans.getFirst();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    private static String register(SourceSocket source, String user, String callId, long cseq, String authorization) {
        String aor = "sip:" + user + "@" + OFFICE;
        return source.request("REGISTER", "sip:" + OFFICE, aor, aor, callId, cseq,
                "Expires: 60\r\n" + authorization);
    }

    private static String nonceOf(String challenge) {
        assertThat(challenge).startsWith("SIP/2.0 401 ");
        int at = challenge.indexOf("nonce=\"") + "nonce=\"".length();
        return challenge.substring(at, challenge.indexOf('"', at));
    }

    private static String authorization(String user, String password, String nonce) {
        return DigestPhone.registerAuthorization(user, OFFICE, password, DigestAlgorithm.MD5, nonce, "00000001");
    }
}
