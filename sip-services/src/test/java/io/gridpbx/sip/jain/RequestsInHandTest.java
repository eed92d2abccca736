package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class RequestsInHandTest {

    private static final long SECOND = 1_000_000_000L;
    private final RequestsInHand inHand = new RequestsInHand();
    private final MessageFactoryImpl messages = new MessageFactoryImpl();

    @Test
    void aCopyOfARequestInHand_isNotTaken_untilTheRequestIsAnswered() throws Exception {
        Request register = request("REGISTER", "z9hG4bK-1", "127.0.0.1:5070");
        assertThat(inHand.take(register, 0)).isTrue();
        assertThat(inHand.take(request("REGISTER", "z9hG4bK-1", "127.0.0.1:5070"), SECOND)).isFalse();

        Response answer = messages.createResponse(200, register);
        inHand.letGo(answer);

        assertThat(inHand.take(register, 2 * SECOND)).as("a retransmission after the answer").isTrue();
    }

    @Test
    void requestsAreTold_apartByBranch_sentBy_andMethod() throws Exception {
        assertThat(inHand.take(request("INVITE", "z9hG4bK-1", "127.0.0.1:5070"), 0)).isTrue();
        assertThat(inHand.take(request("INVITE", "z9hG4bK-2", "127.0.0.1:5070"), 0)).isTrue();
        assertThat(inHand.take(request("INVITE", "z9hG4bK-1", "127.0.0.2:5070"), 0)).isTrue();
        assertThat(inHand.take(request("INVITE", "z9hG4bK-1", "127.0.0.1:5071"), 0)).isTrue();
        assertThat(inHand.take(request("MESSAGE", "z9hG4bK-1", "127.0.0.1:5070"), 0)).isTrue();
        assertThat(inHand.size()).isEqualTo(5);
    }

    @Test
    void aRequestWithoutAnRfc3261Branch_cannotBeMatched_andIsAlwaysTaken() throws Exception {
        Request old = request("INVITE", "1234", "127.0.0.1:5070");
        assertThat(inHand.take(old, 0)).isTrue();
        assertThat(inHand.take(old, 0)).isTrue();
        assertThat(inHand.size()).isZero();
    }

    @Test
    void aRequestNeverAnswered_isForgotten_soThatALaterCopyIsDecidedAfresh() throws Exception {
        Request invite = request("INVITE", "z9hG4bK-lost", "127.0.0.1:5070");
        assertThat(inHand.take(invite, 0)).isTrue();
        assertThat(inHand.take(invite, RequestsInHand.FORGET_NANOS)).isFalse();
        assertThat(inHand.take(invite, RequestsInHand.FORGET_NANOS + 1)).isTrue();
    }

    @Test
    void handingTheRequestToItsTransaction_letsItGo() throws Exception {
        Request invite = request("INVITE", "z9hG4bK-tx", "127.0.0.1:5070");
        inHand.take(invite, 0);
        inHand.letGo(invite);
        assertThat(inHand.size()).isZero();
    }

    private Request request(String method, String branch, String sentBy) throws Exception {
        return messages.createRequest(method + " sip:201@office.demo.gridpbx.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + sentBy + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:200@office.demo.gridpbx.test>;tag=a\r\n"
                + "To: <sip:201@office.demo.gridpbx.test>\r\n"
                + "Call-ID: c-" + branch + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n");
    }
}
