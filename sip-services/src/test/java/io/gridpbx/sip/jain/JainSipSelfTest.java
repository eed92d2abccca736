package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.proxy.LoopDetector;
import java.util.List;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import org.junit.jupiter.api.Test;

/** The node's own Vias and routes, as the proxy and the loop check rely on them. */
class JainSipSelfTest {

    private final SipFactory factory = SipFactory.getInstance();
    private final JainSipSelf self;
    private final AddressFactory addresses;

    JainSipSelfTest() throws Exception {
        factory.setPathName("gov.nist");
        HeaderFactory headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        self = new JainSipSelf(new SipNodeSettings("127.0.0.1", 5060, "127.0.0.1", "n1", 4,
                List.of(DigestAlgorithm.MD5), RegistrationPolicy.DEFAULTS), headers, addresses, 42);
    }

    /** Regression: each copy of a retransmitted ACK got a new branch, and the callee saw different ACKs. */
    @Test
    void statelessVia_isTheSameForEveryRetransmissionOfARequest() throws Exception {
        String first = self.statelessVia("udp", "0a0b0c0d", "z9hG4bK-caller-1").getBranch();
        String again = self.statelessVia("udp", "0a0b0c0d", "z9hG4bK-caller-1").getBranch();
        String other = self.statelessVia("udp", "0a0b0c0d", "z9hG4bK-caller-2").getBranch();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(LoopDetector.isLoop(first, "0a0b0c0d")).isTrue();
    }

    @Test
    void statefulVia_isUniquePerBranch() throws Exception {
        assertThat(self.via("udp", "0a0b0c0d").getBranch()).isNotEqualTo(self.via("udp", "0a0b0c0d").getBranch());
    }

    @Test
    void recognisesItsOwnAddressWithAndWithoutDefaultPort() throws Exception {
        assertThat(self.isOurs(addresses.createURI("sip:127.0.0.1;lr"))).isTrue();
        assertThat(self.isOurs(addresses.createURI("sip:127.0.0.1:5060;lr"))).isTrue();
        assertThat(self.isOurs(addresses.createURI("sip:127.0.0.1:5070;lr"))).isFalse();
        assertThat(self.isOurs(addresses.createURI("sip:200@127.0.0.2"))).isFalse();
    }
}
