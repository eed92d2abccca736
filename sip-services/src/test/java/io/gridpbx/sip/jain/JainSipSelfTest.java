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
                .isEqualTo(new JainSipSelf.ProvenRoute(null));
        assertThat(fromCaller.getHeader(RouteHeader.NAME)).isNull();

        Request fromCallee = bye("call-1", "callee-tag", "caller-tag", recorded);
        assertThat(self.popDialogRoute(fromCallee, "call-1", "callee-tag", "caller-tag"))
                .isEqualTo(new JainSipSelf.ProvenRoute(null));
    }

    @Test
    void withARecordRouteDomain_theRouteNamesTheClusterWithoutAPort_andEveryMemberProvesAndPopsIt() throws Exception {
        JainSipSelf node1 = new JainSipSelf(new SipNodeSettings("127.0.0.1", 47060, "127.0.0.1", "n1", 4,
                List.of(DigestAlgorithm.MD5), RegistrationPolicy.DEFAULTS).withRecordRouteDomain("GridPBX.test"),
                headers, addresses, 42, SEAL);
        JainSipSelf node2 = new JainSipSelf(new SipNodeSettings("127.0.0.2", 47060, "127.0.0.2", "n2", 4,
                List.of(DigestAlgorithm.MD5), RegistrationPolicy.DEFAULTS).withRecordRouteDomain("gridpbx.test"),
                headers, addresses, 43, SEAL);
        Request invite = invite("call-1", "caller-tag", null);
        node1.addRecordRoutes(invite, "udp", "udp", "call-1", "caller-tag", null, null);
        javax.sip.header.RecordRouteHeader rr = (javax.sip.header.RecordRouteHeader) invite
                .getHeader(javax.sip.header.RecordRouteHeader.NAME);
        javax.sip.address.SipURI uri = (javax.sip.address.SipURI) rr.getAddress().getURI();
        assertThat(uri.getHost()).isEqualTo("gridpbx.test");
        assertThat(uri.getPort()).as("no port: phones look the name up with NAPTR/SRV").isNegative();
        assertThat(uri.hasLrParam()).isTrue();
        assertThat(node2.isOurs(uri)).isTrue();
        assertThat(self.isOurs(uri)).as("a node without the domain").isFalse();

        Request fromCallee = bye("call-1", "callee-tag", "caller-tag", uri.toString());
        assertThat(node2.popDialogRoute(fromCallee, "call-1", "callee-tag", "caller-tag"))
                .as("the survivor proves the dead node's route").isEqualTo(new JainSipSelf.ProvenRoute(null));
        assertThat(fromCallee.getHeader(RouteHeader.NAME)).isNull();
        assertUnproven(bye("call-2", "caller-tag", "callee-tag", uri.toString()), "call-2", "caller-tag", "callee-tag");

        Request overTls = invite("call-3", "caller-tag", null);
        JainSipFlows.Flow phone = new JainSipFlows.Flow("127.0.0.26", 40123, "TLS");
        node1.addRecordRoutes(overTls, "udp", "tcp", "call-3", "caller-tag", phone, null);
        assertThat(((javax.sip.header.RecordRouteHeader) overTls.getHeader(javax.sip.header.RecordRouteHeader.NAME))
                .getAddress().getURI().toString()).as("bound to a connection only this node holds")
                .startsWith("sip:127.0.0.1:47060");
    }

    @Test
    void handoffRoute_isPoppedOnlyByTheMemberItNames_forThatCall_withItsFlow() throws Exception {
        JainSipFlows.Flow phone = new JainSipFlows.Flow("127.0.0.26", 40123, "TLS");
        String route = otherMember.handoffRoute("127.0.0.1:5060", phone, "call-1", "caller-tag")
                .getAddress().getURI().toString();

        assertThat(otherMember.popHandoff(invite("call-1", "caller-tag", route), "call-1", "caller-tag"))
                .as("a route naming another member").isNull();
        assertThat(self.popHandoff(invite("call-2", "caller-tag", route), "call-2", "caller-tag"))
                .as("another call").isNull();
        Request tampered = invite("call-1", "caller-tag", route.replace("40123", "40124"));
        assertThat(self.popHandoff(tampered, "call-1", "caller-tag")).as("another connection").isNull();
        assertThat(tampered.getHeader(RouteHeader.NAME)).isNotNull();

        Request handedOff = invite("call-1", "caller-tag", route);
        assertThat(self.popHandoff(handedOff, "call-1", "caller-tag")).isEqualTo(phone);
        assertThat(handedOff.getHeader(RouteHeader.NAME)).isNull();
    }

    @Test
    void dialogRoute_thatNamesPhoneConnections_isPoppedWithTheFlowAheadByItsMember_andLeftForItByOthers() throws Exception {
        JainSipFlows.Flow phone = new JainSipFlows.Flow("127.0.0.26", 40123, "TLS");
        Request invite = invite("call-1", "caller-tag", null);
        JainSipFlows.Flow callerPhone = new JainSipFlows.Flow("127.0.0.25", 40999, "TCP");
        self.addRecordRoutes(invite, "udp", "tls", "call-1", "caller-tag", phone, callerPhone);
        List<String> recorded = new java.util.ArrayList<>();
        invite.getHeaders(javax.sip.header.RecordRouteHeader.NAME).forEachRemaining(
                h -> recorded.add(((javax.sip.header.RecordRouteHeader) h).getAddress().getURI().toString()));
        assertThat(recorded).hasSize(2).allMatch(uri -> uri.contains("gf=tls~127.0.0.26~40123"));

        Request atAnotherMember = bye("call-1", "caller-tag", "callee-tag", recorded.get(1));
        assertThat(otherMember.popDialogRoute(atAnotherMember, "call-1", "caller-tag", "callee-tag"))
                .isEqualTo(new JainSipSelf.ProvenRoute(null));
        assertThat(atAnotherMember.getHeader(RouteHeader.NAME)).as("left for the member holding the connection").isNotNull();

        Request atItsMember = bye("call-1", "caller-tag", "callee-tag", recorded.get(1));
        atItsMember.addLast(headers.createRouteHeader(addresses.createAddress(recorded.get(0))));
        assertThat(self.popDialogRoute(atItsMember, "call-1", "caller-tag", "callee-tag"))
                .isEqualTo(new JainSipSelf.ProvenRoute(phone));
        assertThat(atItsMember.getHeader(RouteHeader.NAME)).as("both entries of the double Record-Route").isNull();

        Request fromTheCallee = bye("call-1", "callee-tag", "caller-tag", recorded.get(0));
        assertThat(self.popDialogRoute(fromTheCallee, "call-1", "callee-tag", "caller-tag"))
                .as("the callee's request goes down the caller's connection")
                .isEqualTo(new JainSipSelf.ProvenRoute(callerPhone));

        String forged = recorded.get(1).replace("40123", "40124");
        assertUnproven(bye("call-1", "caller-tag", "callee-tag", forged), "call-1", "caller-tag", "callee-tag");
        assertThat(self.isClusterRoute(addresses.createURI(recorded.get(1)), "call-1", "caller-tag", "x")).isTrue();
        assertThat(self.isClusterRoute(addresses.createURI(forged), "call-1", "caller-tag", "x")).isFalse();
    }

    @Test
    void flowToken_roundTrips_andAnythingElseIsNoFlow() {
        JainSipFlows.Flow v6 = new JainSipFlows.Flow("2001:db8::7", 5061, "TLS");
        assertThat(JainSipFlows.Flow.parse(v6.token())).isEqualTo(v6);
        assertThat(JainSipFlows.Flow.parse("udp~198.51.100.7~41000"))
                .as("a UDP phone's NAT pinhole").isEqualTo(new JainSipFlows.Flow("198.51.100.7", 41000, "UDP"));
        assertThat(JainSipFlows.Flow.parse("sctp~127.0.0.1~5060")).isNull();
        assertThat(JainSipFlows.Flow.parse("tcp~evil.example~5060")).as("a name, not an address").isNull();
        assertThat(JainSipFlows.Flow.parse("tcp~127.0.0.1~70000")).isNull();
        assertThat(JainSipFlows.Flow.parse("tcp~127.0.0.1")).isNull();
        assertThat(JainSipFlows.Flow.parse(null)).isNull();
        assertThat(JainSipFlows.flowOf("tls:2001:db8::7:5061", null)).as("a binding's source").isEqualTo(v6);
    }

    @Test
    void udpSource_isAFlowOnlyWhenTheContactNamesAPrivateAddressElsewhere() throws Exception {
        javax.sip.address.AddressFactory uris = javax.sip.SipFactory.getInstance().createAddressFactory();
        JainSipFlows.Flow pinhole = new JainSipFlows.Flow("198.51.100.7", 41000, "UDP");
        String source = "udp:198.51.100.7:41000";

        assertThat(JainSipFlows.flowOf(source, uris.createURI("sip:201@192.168.1.20:5060")))
                .as("RFC 1918 Contact behind a public source").isEqualTo(pinhole);
        assertThat(JainSipFlows.flowOf(source, uris.createURI("sip:201@100.72.3.4"))).as("carrier-grade NAT")
                .isEqualTo(pinhole);
        assertThat(JainSipFlows.flowOf(source, uris.createURI("sip:201@[fd00::20]:5060"))).as("IPv6 unique-local")
                .isEqualTo(pinhole);
        assertThat(JainSipFlows.flowOf(source, uris.createURI("sip:201@198.51.100.7:41000")))
                .as("a phone that knows its public address").isNull();
        assertThat(JainSipFlows.flowOf(source, uris.createURI("sip:201@203.0.113.9:5060")))
                .as("a routable Contact (a third party registering a phone) is taken as written").isNull();
        assertThat(JainSipFlows.flowOf("udp:192.168.1.20:5060", uris.createURI("sip:201@192.168.1.20:5062")))
                .as("a private phone on the node's own network").isNull();
        assertThat(JainSipFlows.flowOf(source, uris.createURI("sip:201@phone.example.test")))
                .as("a name").isNull();
        assertThat(JainSipFlows.flowOf(source, uris.createURI("tel:+15551234567"))).isNull();
        assertThat(JainSipFlows.flowOf(source, null)).as("no Contact").isNull();
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
        assertThat(self.popDialogRoute(request, callId, fromTag, toTag)).isNull();
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

    private Request invite(String callId, String fromTag, String route) throws Exception {
        return messages.createRequest("INVITE sip:201@127.0.0.26:40123;transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK-2\r\n"
                + "From: <sip:200@office.demo.gridpbx.test>;tag=" + fromTag + "\r\n"
                + "To: <sip:201@office.demo.gridpbx.test>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + (route == null ? "" : "Route: <" + route + ">\r\n") + "Content-Length: 0\r\n\r\n");
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
