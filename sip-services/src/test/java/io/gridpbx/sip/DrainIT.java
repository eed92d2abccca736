package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A draining node over real UDP: new calls, registrations and keepalive OPTIONS to the node get 503
 * with Retry-After (the phone tries the next server of its SRV set), while requests inside a dialog
 * are still judged by the dialog check, as before the drain.
 */
class DrainIT {

    private static final int NODE_PORT = 15067;
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static LoopbackNode node;

    @BeforeAll
    static void start() {
        node = LoopbackNode.start(NODE_PORT);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void newWorkGets503WithRetryAfter_whileInDialogRequestsAreStillJudgedByTheirDialog() throws IOException {
        try (RawSip.Udp phone = new RawSip.Udp(NODE_PORT)) {
            assertThat(phone.answer(request("REGISTER", "before-drain", ""), "before-drain", WAIT).orElseThrow())
                    .as("a node that is not draining challenges").startsWith("SIP/2.0 401 ");

            node.server.drain();
            node.server.drain();
            assertThat(node.server.draining()).isTrue();

            for (String method : new String[] {"REGISTER", "INVITE", "SUBSCRIBE", "MESSAGE"}) {
                String answer = phone.answer(request(method, "drain-" + method, ""), "drain-" + method, WAIT).orElseThrow();
                assertThat(answer).as(method).startsWith("SIP/2.0 503 Draining");
                assertThat(answer).as(method).containsPattern("(?m)^Retry-After: [1-9][0-9]*");
            }
            String keepalive = ("OPTIONS sip:127.0.0.1:" + NODE_PORT + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:${port};rport;branch=z9hG4bK-drain-options\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:lb@127.0.0.1>;tag=lb\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: drain-options\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            assertThat(phone.answer(keepalive, "drain-options", WAIT).orElseThrow())
                    .as("a load balancer's probe sees the node down").startsWith("SIP/2.0 503 ");

            String bye = phone.answer(request("BYE", "drain-bye", "").replace("To: <sip:210@" + OFFICE + ">",
                    "To: <sip:210@" + OFFICE + ">;tag=callee"), "drain-bye", WAIT).orElseThrow();
            assertThat(bye).as("an in-dialog request still meets the dialog check").doesNotStartWith("SIP/2.0 503");
            assertThat(bye).startsWith("SIP/2.0 4");
        }
        assertThat(node.server.callsSettingUp()).isZero();
        assertThat(node.counters().failures()).isZero();
    }

    private static String request(String method, String callId, String extra) {
        return method + " sip:211@" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:${port};rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:210@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:210@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:210@127.0.0.1:${port}>\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }
}
