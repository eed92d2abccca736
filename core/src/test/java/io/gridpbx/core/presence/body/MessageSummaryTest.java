package io.gridpbx.core.presence.body;

import static io.gridpbx.core.presence.body.SafeXmlTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageSummaryTest {

    @Test
    void toText_isTheRfc3842Body() {
        MessageSummary summary = new MessageSummary(true, "sip:1001@pbx.example.com", 2, 8);

        assertThat(new String(summary.toText(), StandardCharsets.UTF_8)).isEqualTo(
                "Messages-Waiting: yes\r\nMessage-Account: sip:1001@pbx.example.com\r\nVoice-Message: 2/8 (0/0)\r\n");
        assertThat(new String(new MessageSummary(false, null, 0, 0).toText(), StandardCharsets.UTF_8))
                .isEqualTo("Messages-Waiting: no\r\nVoice-Message: 0/0 (0/0)\r\n");
    }

    @Test
    void roundTrip_keepsTheCounts() throws BodyException {
        for (MessageSummary summary : new MessageSummary[] {MessageSummary.of("sip:a@b", 3, 1),
                MessageSummary.of(null, 0, 12)}) {
            assertThat(MessageSummary.parse(summary.toText())).isEqualTo(summary);
        }
    }

    @Test
    void parse_isTolerantOfCaseSpacingAndTheRest() throws BodyException {
        String loose = "\nmessages-waiting :YES\nmessage-account:   sip:alice@vmail.example.com  \n"
                + "Fax-Message: 1/0\r\nVOICE-MESSAGE:4 / 6\r\n\r\nTo: <sip:alice@example.com>\r\nFrom: x\r\n";

        assertThat(MessageSummary.parse(bytes(loose)))
                .isEqualTo(new MessageSummary(true, "sip:alice@vmail.example.com", 4, 6));
    }

    @Test
    void parse_refusesWithoutMessagesWaiting_orWithBadValues() {
        assertRefused("Voice-Message: 1/0\r\n", "Malformed message-summary: no Messages-Waiting");
        assertRefused("Messages-Waiting: perhaps\r\n", "Malformed message-summary: Messages-Waiting is neither yes nor no");
        assertRefused("Messages-Waiting: yes\r\nVoice-Message: lots\r\n",
                "Malformed message-summary: Voice-Message is not new/old (urgent)");
        assertRefused("Messages-Waiting: yes\r\nVoice-Message: 99999999999/0\r\n",
                "Malformed message-summary: Voice-Message is not new/old (urgent)");
        assertThatThrownBy(() -> MessageSummary.parse(new byte[70_000]))
                .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void account_cannotForgeHeaderLines() {
        assertThatThrownBy(() -> new MessageSummary(true, "sip:a@b\r\nVoice-Message: 9/9", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> MessageSummary.parse(bytes(text)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }
}
