package io.gridpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.RegisterOutcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node registers a trunk account at a carrier's registrar played by SIPp on loopback: the digest
 * challenge answered with the gateway's credentials (SIPp verifies them), the lifetime the registrar
 * grants read from our Contact or from its Expires header, refreshes on the same Call-ID with the
 * nonce-count going up, the removal with Expires: 0; a registrar that wants a longer lifetime (423)
 * and then refuses the account (403); and the carrier's call to the registered Contact, which names the
 * account in its Request-URI and the DID in To.
 */
@Timeout(60)
class CarrierRegistrationIT {

    private static final int NODE_PORT = 15141;
    private static final String REGISTRAR_HOST = "127.0.0.7";
    private static final Duration PATIENCE = Duration.ofSeconds(5);
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
    void anAccountIsRegisteredWithItsCredentials_refreshed_andRemoved() {
        Gateway carrier = registering("carrier", 16901, "trunk-acct", "trunk-secret", 600);
        try (Sipp.Running registrar = Sipp.scenario("uas_registrar.xml", carrier.port()).from(REGISTRAR_HOST)
                .key("trunk_user", "trunk-acct").key("trunk_password", "trunk-secret")
                .start().awaitListening()) {
            RegisterOutcome first = register(carrier, 600);
            assertThat(first).as("granted by our Contact's expires").isEqualTo(new RegisterOutcome(200, 120, 0));

            RegisterOutcome refresh = register(carrier, 600);
            assertThat(refresh).as("granted by the Expires header").isEqualTo(new RegisterOutcome(200, 60, 0));

            assertThat(register(carrier, 0).status()).isEqualTo(200);
            registrar.await().assertPassed();
        }
    }

    @Test
    void intervalTooBrief_tellsItsMinExpires_andARefusedAccountIsTheAnswer() {
        Gateway carrier = registering("refusing", 16902, "suspended", "any", 600);
        try (Sipp.Running registrar = Sipp.scenario("uas_registrar_refusing.xml", carrier.port()).from(REGISTRAR_HOST)
                .start().awaitListening()) {
            assertThat(register(carrier, 600)).isEqualTo(new RegisterOutcome(423, 0, 1800));
            assertThat(register(carrier, 1800)).as("answered once, then refused")
                    .isEqualTo(new RegisterOutcome(403, 0, 0));
            registrar.await().assertPassed();
        }
    }

    @Test
    void aSilentRegistrar_isAnswered408WithinThePatience() {
        Gateway deaf = registering("deaf", 16903, "acct", "secret", 600);
        long start = System.nanoTime();
        RegisterOutcome outcome = Stages.await(node.server.register(deaf, 600, Duration.ofMillis(500)));

        assertThat(outcome).isEqualTo(RegisterOutcome.silent());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aCarriersCallToTheRegisteredContact_goesToTheDidNamedInTo() {
        Gateway trunk = registering("inbound", 16904, "trunk-in", "secret", 600);
        node.trunking.putGateway(trunk);
        node.trunking.putDid(new Did("15145550101", "demo.gridpbx.test", LoopbackNode.OFFICE, "203"));
        Phones.register(NODE_PORT, "203", 16905, "<sip:203@127.0.0.1:16906>");
        try (Sipp.Running phone = Sipp.scenario("uas_answer.xml", 16906).start().awaitListening()) {
            Sipp.scenario("carrier_call_to_contact.xml", trunk.port()).from(REGISTRAR_HOST).to(NODE_PORT)
                    .service("15145550101").key("trunk_user", "trunk-in").key("caller_number", "15145559999").run()
                    .assertPassed();
            phone.await().assertPassed();
        }

        assertThat(node.dialogs.startedDialogs()).filteredOn(d -> d.callee().user().equals("203")).singleElement()
                .satisfies(d -> assertThat(d.callee()).isEqualTo(new AddressOfRecord("203", LoopbackNode.OFFICE)));
    }

    private static RegisterOutcome register(Gateway gateway, int expires) {
        return Stages.await(node.server.register(gateway, expires, PATIENCE));
    }

    private static Gateway registering(String id, int port, String user, String password, int expires) {
        return new Gateway(id, "Carrier " + id, REGISTRAR_HOST, port, Gateway.Transport.UDP, user, password, 0, null,
                false, true, expires);
    }
}
