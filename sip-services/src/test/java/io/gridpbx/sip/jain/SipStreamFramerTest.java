package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipStreamFramerTest {

    private static final String WITH_BODY = "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 5\r\n\r\nhello";
    private static final String WITHOUT_BODY = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n";

    private final List<String> seen = new ArrayList<>();
    private final SipStreamFramer.Sink sink = new SipStreamFramer.Sink() {
        @Override
        public void message(byte[] message) {
            seen.add("message:" + text(message));
        }

        @Override
        public void tooLarge(byte[] headers) {
            seen.add("too large:" + text(headers));
        }

        @Override
        public void between(byte[] crlf) {
            seen.add("between:" + crlf.length);
        }
    };

    @Test
    void twoMessagesInOneChunk_areCutAtTheirContentLength() throws Exception {
        new SipStreamFramer(8192).feed(bytes(WITH_BODY + WITHOUT_BODY), sink);

        assertThat(seen).containsExactly("message:" + WITH_BODY, "message:" + WITHOUT_BODY);
    }

    @Test
    void aMessageSplitAnywhere_isHandedOnWhole() throws Exception {
        for (int cut = 1; cut < WITH_BODY.length(); cut++) {
            seen.clear();
            SipStreamFramer framer = new SipStreamFramer(8192);
            framer.feed(bytes(WITH_BODY.substring(0, cut)), sink);
            framer.feed(bytes(WITH_BODY.substring(cut)), sink);

            assertThat(seen).as("cut at %d", cut).containsExactly("message:" + WITH_BODY);
        }
    }

    @Test
    void keepaliveBetweenMessages_passesThrough() throws Exception {
        new SipStreamFramer(8192).feed(bytes("\r\n\r\n" + WITHOUT_BODY), sink);

        assertThat(seen).containsExactly("between:4", "message:" + WITHOUT_BODY);
    }

    @Test
    void aBodyOverTheLimit_isSkippedAndTheNextMessageFramed() throws Exception {
        String big = "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 100\r\n\r\n";
        new SipStreamFramer(64).feed(bytes(big + "x".repeat(100) + WITHOUT_BODY), sink);

        assertThat(seen).containsExactly("too large:" + big, "message:" + WITHOUT_BODY);
    }

    @Test
    void aClaimOfTwoGigabytes_allocatesNothing() throws Exception {
        new SipStreamFramer(8192).feed(bytes("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 2147483647\r\n\r\nabc"), sink);

        assertThat(seen).hasSize(1).first().asString().startsWith("too large:");
    }

    @Test
    void aContentLengthThatIsNotANumber_endsTheStream() {
        assertThatThrownBy(() -> new SipStreamFramer(8192).feed(bytes("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n"), sink))
                .isInstanceOf(SipStreamFramer.FramingException.class);
    }

    @Test
    void headersWithoutEnd_endTheStreamAtTheLimit() {
        assertThatThrownBy(() -> new SipStreamFramer(64).feed(bytes("MESSAGE sip:a@b SIP/2.0\r\nX: " + "y".repeat(100)), sink))
                .isInstanceOf(SipStreamFramer.FramingException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
