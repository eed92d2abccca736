package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.ACME;
import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.Binding;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registrar on a real JAIN-SIP stack, driven by SIPp over UDP and TCP on loopback. */
@Timeout(30)
class RegistrarIT {

    private static final int NODE_PORT = 15060;
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
    void registerAnsweringTheMd5Challenge_bindsTheContact() {
        register("register.xml", 16001, "200", "pass200", contact("200", 16001), "600").run().assertPassed();

        List<Binding> bindings = node.contactsOf("200", OFFICE);
        assertThat(bindings).singleElement().satisfies(binding -> {
            assertThat(binding.contactUri()).isEqualTo("sip:200@127.0.0.1:16001");
            assertThat(binding.cseq()).isEqualTo(2);
            assertThat(binding.source()).isEqualTo("udp:127.0.0.1:16001");
            assertThat(binding.nodeId()).isEqualTo("it-" + NODE_PORT);
            assertThat(binding.userAgent()).isEqualTo("SIPp");
            assertThat(binding.secondsLeftAt(System.currentTimeMillis())).isBetween(590, 600);
        });
    }

    @Test
    void registerOverTcp_bindsTheContactWithItsTransport() {
        register("register.xml", 16002, "201", "pass201", "<sip:201@127.0.0.1:16002;transport=tcp>", "600")
                .transport("t1").run().assertPassed();

        assertThat(node.contactsOf("201", OFFICE)).singleElement().satisfies(binding -> {
            assertThat(binding.contactUri()).isEqualTo("sip:201@127.0.0.1:16002;transport=tcp");
            assertThat(binding.source()).startsWith("tcp:127.0.0.1:");
        });
    }

    @Test
    void refreshOnTheSameCallIdWithAHigherCSeq_keepsOneContact() {
        register("register_refresh.xml", 16003, "202", "pass202", contact("202", 16003), "600").run().assertPassed();

        assertThat(node.contactsOf("202", OFFICE)).singleElement().satisfies(binding -> {
            assertThat(binding.contactUri()).isEqualTo("sip:202@127.0.0.1:16003");
            assertThat(binding.cseq()).isEqualTo(3);
        });
    }

    @Test
    void unregisterOneContactThenWildcard_removesOneThenAll() {
        register("register.xml", 16004, "203", "pass203",
                "<sip:203@127.0.0.1:16040>, <sip:203@127.0.0.1:16041>", "600")
                .named("unregister-1-two-contacts").run().assertPassed();
        assertThat(node.contactsOf("203", OFFICE)).extracting(Binding::contactUri)
                .containsExactlyInAnyOrder("sip:203@127.0.0.1:16040", "sip:203@127.0.0.1:16041");

        register("register.xml", 16004, "203", "pass203", "<sip:203@127.0.0.1:16040>;expires=0", "600")
                .named("unregister-2-one-contact").run().assertPassed();
        assertThat(node.contactsOf("203", OFFICE)).extracting(Binding::contactUri)
                .containsExactly("sip:203@127.0.0.1:16041");

        register("register.xml", 16004, "203", "pass203", "*", "0")
                .named("unregister-3-wildcard").run().assertPassed();
        assertThat(node.contactsOf("203", OFFICE)).isEmpty();
    }

    @Test
    void wrongPassword_isChallengedAgainAndBindsNothing() {
        register("register_unauthorized.xml", 16005, "204", "not-pass204", contact("204", 16005), "600")
                .run().assertPassed();

        assertThat(node.contactsOf("204", OFFICE)).isEmpty();
    }

    /**
     * An unknown user gets the same 401 as a wrong password: the registrar does not tell which
     * extensions exist (a scanner learns nothing from the answer).
     */
    @Test
    void unknownUser_isChallengedAgainLikeAWrongPassword() {
        register("register_unauthorized.xml", 16006, "250", "pass250", contact("250", 16006), "600")
                .run().assertPassed();

        assertThat(node.contactsOf("250", OFFICE)).isEmpty();
    }

    @Test
    void expiryUnderTheMinimum_gets423WithMinExpires() {
        register("register_too_brief.xml", 16007, "205", "pass205", contact("205", 16007), "10").run().assertPassed();

        assertThat(node.contactsOf("205", OFFICE)).isEmpty();
    }

    @Test
    void credentialsOfAnotherRealm_get403WithoutAChallenge() {
        register("register_foreign_realm.xml", 16008, "206", "pass206", contact("206", 16008), "600")
                .key("realm", ACME).run().assertPassed();

        assertThat(node.contactsOf("206", OFFICE)).isEmpty();
    }

    @Test
    void validCredentialsOfAnotherUser_get403() {
        Sipp.scenario("register_forbidden.xml", 16009).to(NODE_PORT).service("207").credentials("208", "pass208")
                .key("domain", OFFICE).key("contact", contact("207", 16009)).key("expires", "600")
                .run().assertPassed();

        assertThat(node.contactsOf("207", OFFICE)).isEmpty();
        assertThat(node.contactsOf("208", OFFICE)).isEmpty();
    }

    @Test
    void domainNotServed_gets404WithoutAChallenge() {
        Sipp.scenario("register_domain_not_served.xml", 16010).to(NODE_PORT).service("200")
                .key("domain", "nowhere.example.test").key("contact", contact("200", 16010)).key("expires", "600")
                .run().assertPassed();
    }

    private static Sipp register(String scenario, int localPort, String user, String password, String contact,
            String expires) {
        return Sipp.scenario(scenario, localPort).to(NODE_PORT).service(user).credentials(user, password)
                .key("domain", OFFICE).key("contact", contact).key("expires", expires);
    }

    private static String contact(String user, int port) {
        return "<sip:" + user + "@127.0.0.1:" + port + ">";
    }
}
