package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.proxy.LoopDetector;
import io.gridpbx.core.dialog.RouteSeal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sip.header.RouteHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import org.junit.jupiter.api.Test;

/** The node's own Vias and routes, as the proxy and the loop check rely on them. */
class JainSipSelfTest {

    private final SipFactory factory = SipFactory.getInstance();
    private static final RouteSeal SEAL = new RouteSeal("a cluster key for tests".getBytes(StandardCharsets.UTF_8));
    private final JainSipSelf self;
    private final JainSipSelf otherMember;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;

    JainSipSelfTest() throws Exception {
        factory.setPathName("gov.nist");
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        messages = factory.createMessageFactory();
        self = new JainSipSelf(new SipNodeSettings("127.0.0.1", 5060, "127.0.0.1", "n1", 4,
                List.of(DigestAlgorithm.MD5), RegistrationPolicy.DEFAULTS), headers, addresses, 42, SEAL);
        otherMember = new JainSipSelf(new SipNodeSettings("127.0.0.2", 5060, "127.0.0.2", "n2", 4,
                List.of(DigestAlgorithm.MD5), RegistrationPolicy.DEFAULTS), headers, addresses, 43, SEAL);
    }

    @Test
    void dialogRoute_sealedByAnyMemberForThisCall_isPoppedFromEitherDirection() throws Exception {
        String recorded = otherMember.recordRoute("call-1", "caller-tag").getAddress().getURI().toString();

        Request fromCaller = bye("call-1", "caller-tag", "callee-tag", recorded);
        assertThat(self.popDialogRoute(fromCaller, "call-1", "caller-tag", "callee-tag"))
                .isEqualTo(JainSipSelf.DialogRoute.SEALED);
        assertThat(fromCaller.getHeader(RouteHeader.NAME)).isNull();

        Request fromCallee = bye("call-1", "callee-tag", "caller-tag", recorded);
        assertThat(self.popDialogRoute(fromCallee, "call-1", "callee-tag", "caller-tag"))
                .isEqualTo(JainSipSelf.DialogRoute.SEALED);
    }

    @Test
    void dialogRoute_ofAnotherCallOrHostOrWithoutSeal_isUnprovenAndStays() throws Exception {
        String recorded = self.recordRoute("call-1", "caller-tag").getAddress().getURI().toString();
        String seal = recorded.substring(recorded.indexOf("gs=") + 3);

        assertUnproven(bye("call-2", "caller-tag", "forged", recorded), "call-2", "caller-tag", "forged");
        assertUnproven(bye("call-1", "someone", "forged", recorded), "call-1", "someone", "forged");
        assertUnproven(bye("call-1", "caller-tag", "x", "sip:127.0.0.9:5060;lr;gs=" + seal), "call-1", "caller-tag", "x");
        assertUnproven(bye("call-1", "caller-tag", "x", "sip:127.0.0.1:5060;lr"), "call-1", "caller-tag", "x");
        assertUnproven(bye("call-1", "caller-tag", "x", null), "call-1", "caller-tag", "x");
    }

    private void assertUnproven(Request request, String callId, String fromTag, String toTag) {
        int routes = request.getHeader(RouteHeader.NAME) == null ? 0 : 1;
        assertThat(self.popDialogRoute(request, callId, fromTag, toTag)).isEqualTo(JainSipSelf.DialogRoute.UNPROVEN);
        assertThat(request.getHeader(RouteHeader.NAME) == null ? 0 : 1).isEqualTo(routes);
    }

    private Request bye(String callId, String fromTag, String toTag, String route) throws Exception {
        Request bye = messages.createRequest("BYE sip:201@127.0.0.1:5099 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-1\r\n"
                + "From: <sip:200@office.demo.gridpbx.test>;tag=" + fromTag + "\r\n"
                + "To: <sip:201@office.demo.gridpbx.test>;tag=" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\n"
                + (route == null ? "" : "Route: <" + route + ">\r\n") + "Content-Length: 0\r\n\r\n");
        return bye;
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
