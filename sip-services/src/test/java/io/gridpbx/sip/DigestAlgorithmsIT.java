package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.ACME;
import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.tenancy.Client;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The digest algorithms a client domain offers, over a real JAIN-SIP node: MD5 alone by default (the
 * phones on the market register with it), SHA-256 alone or both (SHA-256 first, RFC 8760) when the
 * client chose so, proved with the project's own digest client since SIPp and baresip know MD5 only.
 */
@Timeout(60)
class DigestAlgorithmsIT {

    private static final int NODE_PORT = 15063;
    private static final String SHOP = "shop.other.gridpbx.test";
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
    void byDefault_the401OffersMd5Alone_andAnMd5PhoneRegisters() throws IOException {
        try (DigestPhone phone = new DigestPhone(NODE_PORT, "400", SHOP, "pass400")) {
            String challenge = phone.registerWithoutCredentials("default-" + System.nanoTime());

            assertThat(challenge).startsWith("SIP/2.0 401 ");
            assertThat(DigestPhone.challenges(challenge)).extracting(DigestPhone.Challenge::algorithm)
                    .containsExactly(DigestAlgorithm.MD5);
            assertThat(phone.register("default-ok-" + System.nanoTime(), List.of(DigestAlgorithm.MD5)))
                    .startsWith("SIP/2.0 200 ");
        }
    }

    @Test
    void aDomainSetToSha256_offersSha256Alone_registersASha256Phone_andRefusesMd5WithALogLine() throws IOException {
        choose(OFFICE, List.of(DigestAlgorithm.SHA_256));
        Logger logger = (Logger) LoggerFactory.getLogger(RejectionLog.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (DigestPhone phone = new DigestPhone(NODE_PORT, "205", OFFICE, "pass205")) {
            String challenge = phone.registerWithoutCredentials("sha-" + System.nanoTime());
            assertThat(DigestPhone.challenges(challenge)).extracting(DigestPhone.Challenge::algorithm)
                    .containsExactly(DigestAlgorithm.SHA_256);

            assertThat(phone.register("sha-ok-" + System.nanoTime(), List.of(DigestAlgorithm.SHA_256)))
                    .startsWith("SIP/2.0 200 ");
            assertThat(node.contactsOf("205", OFFICE)).isNotEmpty();

            String md5Only = phone.register("md5-" + System.nanoTime(), List.of(DigestAlgorithm.MD5));
            assertThat(md5Only).as("an MD5-only phone gets its 401 again, cleanly").startsWith("SIP/2.0 401 ");
            assertThat(DigestPhone.challenges(md5Only)).extracting(DigestPhone.Challenge::algorithm)
                    .containsExactly(DigestAlgorithm.SHA_256);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.contains("205@" + OFFICE) && line.contains("answered with MD5")
                            && line.contains("offers SHA-256"));
        } finally {
            logger.detachAppender(log);
            choose(OFFICE, List.of());
        }
    }

    @Test
    void aDomainSetToBoth_listsSha256First_andEitherPhoneRegisters() throws IOException {
        choose(ACME, List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
        try (DigestPhone phone = new DigestPhone(NODE_PORT, "301", ACME, "pass301")) {
            String challenge = phone.registerWithoutCredentials("both-" + System.nanoTime());

            assertThat(DigestPhone.challenges(challenge)).extracting(DigestPhone.Challenge::algorithm)
                    .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
            assertThat(phone.register("both-sha-" + System.nanoTime(), List.of(DigestAlgorithm.SHA_256,
                    DigestAlgorithm.MD5))).startsWith("SIP/2.0 200 ");
            assertThat(phone.register("both-md5-" + System.nanoTime(), List.of(DigestAlgorithm.MD5)))
                    .startsWith("SIP/2.0 200 ");
        } finally {
            choose(ACME, List.of());
        }
    }

    /** What the admin does in the portal or through the API: takes effect on the next REGISTER. */
    private static void choose(String domain, List<DigestAlgorithm> algorithms) {
        Client client = node.directory.client(domain).orElseThrow();
        node.directory.saveClient(new Client(client.domain(), client.name(), client.resellerRealm(),
                client.maxContactsPerUser(), client.email(), client.language(), algorithms));
    }
}
