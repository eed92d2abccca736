package io.gridpbx.core.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every malformed body is an {@link SdpParseException} with a reason a 488 can carry; nothing else escapes. */
class SdpParseErrorsTest {

    private static final String GOOD = PhoneSdps.YEALINK_T46_OFFER;

    @Test
    void malformedBodies_areRejectedWithTheirReason() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "empty body");
        cases.put("\r\n\r\n", "empty body");
        cases.put("v=0\r\n", "o= must follow v=");
        cases.put("v=0\r\no=- 20010 20010 IN IP4 192.168.1.105\r\ns=-\r\nc=IN IP4 192.168.1.105\r\nt=0 0\r\n",
                "no m= line");
        cases.put(GOOD.substring(0, GOOD.indexOf("m=audio") + 12), "m= line needs media, port, proto and formats 1");
        cases.put(GOOD.replace("m=audio 11780 RTP/AVP", "m=audio 70000 RTP/AVP"), "port out of range in m= line 1");
        cases.put(GOOD.replace("m=audio 11780 RTP/AVP", "m=audio -1 RTP/AVP"), "port out of range in m= line 1");
        cases.put(GOOD.replace("m=audio 11780 RTP/AVP", "m=audio 1178O RTP/AVP"), "port out of range in m= line 1");
        cases.put(GOOD.replace("m=audio 11780 RTP/AVP", "m=audio 11780/0 RTP/AVP"), "bad port count in m= line 1");
        cases.put(GOOD.replace("m=audio 11780 RTP/AVP 0 8 9 18 101", "m=audio 11780 RTP/AVP"),
                "m= line needs media, port, proto and formats 1");
        cases.put(GOOD.replace("v=0", "v=x"), "v= is not a number");
        cases.put(GOOD.replace("v=0", "v=1"), "unsupported version");
        cases.put(GOOD.substring(GOOD.indexOf("o=")), "does not start with v=");
        cases.put(GOOD.replace("o=- 20010 20010 IN IP4 192.168.1.105\r\n", ""), "o= must follow v=");
        cases.put(GOOD.replace("20010 20010", "20010 two"), "sess-version in o= line is not a number");
        cases.put(GOOD.replace("20010 20010", "abc 20010"), "sess-id in o= line is not a number");
        cases.put(GOOD.replace("20010 20010", "20010 123456789012345678901"), "sess-version in o= line is not a number");
        cases.put(GOOD.replace(" IN IP4 192.168.1.105\r\ns=", " IN IP4\r\ns="), "o= line needs 6 fields");
        cases.put(GOOD.replace("c=IN IP4 192.168.1.105", "c=IN IP4"), "c= line needs 3 fields");
        cases.put(GOOD.replace("c=IN IP4 192.168.1.105\r\n", ""), "no c= line for m= line 1");
        cases.put(GOOD.replace("a=ptime:20", "a=rtcp:99999"), "malformed a=rtcp in m= section 1");
        cases.put(GOOD.replace("a=ptime:20", "a=rtcp:5000 IN IP4"), "malformed a=rtcp in m= section 1");
        cases.put(GOOD.replace("a=ptime:20", "c=IN IP4 192.0.2.1\r\nc=IN IP4 192.0.2.2"), "more than one c= line");
        cases.put(GOOD.replace("a=ptime:20", "o=- 1 1 IN IP4 192.0.2.1"), "o= line inside m= section 1");
        cases.put(GOOD.replace("t=0 0", "v=0"), "repeated v= line");
        cases.put(GOOD.replace("a=ptime:20", "ptime 20"), "line 12 is not type=value");
        cases.put(GOOD.replace("a=ptime:20", "A=ptime:20"), "line 12 is not type=value");
        cases.put(GOOD.replace("a=ptime:20", ""), "line 12 is not type=value");
        cases.put(GOOD.replace("a=ptime:20", "a=ptime:\u000020"), "control character in line 12");
        cases.put("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", "line 1 is not type=value");

        cases.forEach((body, reason) -> assertThat(rejection(body)).as(body).contains(reason));
    }

    @Test
    void reasons_areOneLineOfAscii_andNeverEchoTheInput() {
        String hostile = GOOD.replace("m=audio 11780", "m=audio 11780<script>\u00e9");

        String reason = rejection(hostile);

        assertThat(reason).startsWith("Bad SDP: ").matches("[ -~]+").doesNotContain("script");
    }

    @Test
    void hugeInput_isRejectedBeforeParsing() {
        StringBuilder huge = new StringBuilder(GOOD);
        while (huge.length() <= 16 * 1024) {
            huge.append("a=x-padding:0123456789012345678901234567890123456789\r\n");
        }

        assertThat(rejection(huge.toString())).contains("larger than 16384 bytes");
        assertThat(rejection(huge.toString().getBytes(StandardCharsets.UTF_8))).contains("larger than 16384 bytes");
    }

    @Test
    void moreThan32MediaLines_areRejected_32AreNot() throws SdpParseException {
        String head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
        String stream = "m=audio 4000 RTP/AVP 0\r\n";

        assertThat(SessionDescription.parse(head + stream.repeat(32)).media()).hasSize(32);
        assertThat(rejection(head + stream.repeat(33))).contains("more than 32 m= lines");
    }

    @Test
    void bytesThatAreNotUtf8_areRejected() {
        byte[] body = GOOD.replace("s=SDP data", "s=SDP ??").getBytes(StandardCharsets.US_ASCII);
        body[GOOD.indexOf("s=SDP") + 6] = (byte) 0xC3; // a lead byte followed by '?' is no UTF-8

        assertThat(rejection(body)).contains("not UTF-8");
    }

    @Test
    void randomGarbage_isAlwaysAParseErrorAndNeverAnotherException() {
        // a fixed seed: the same garbage every run, so a failure can be replayed
        java.util.Random random = new java.util.Random(20261204L);
        for (int i = 0; i < 2000; i++) {
            char[] chars = GOOD.toCharArray();
            for (int flips = 0; flips < 1 + random.nextInt(8); flips++) {
                chars[random.nextInt(chars.length)] = "0 =:/\r\nvomcaIP4x9-".charAt(random.nextInt(18));
            }
            String body = new String(chars);
            Throwable thrown = catchThrowable(() -> SessionDescription.parse(body));
            assertThat(thrown).as(body).satisfiesAnyOf(t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(SdpParseException.class));
        }
    }

    private static String rejection(String body) {
        Throwable thrown = catchThrowable(() -> SessionDescription.parse(body));
        assertThat(thrown).as(body).isInstanceOf(SdpParseException.class);
        return ((SdpParseException) thrown).reason();
    }

    private static String rejection(byte[] body) {
        Throwable thrown = catchThrowable(() -> SessionDescription.parse(body));
        assertThat(thrown).isInstanceOf(SdpParseException.class);
        return ((SdpParseException) thrown).reason();
    }
}
