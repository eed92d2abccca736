package io.gridpbx.core.presence.body;

import static io.gridpbx.core.presence.body.SafeXmlTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.presence.body.DialogState.Direction;
import io.gridpbx.core.presence.body.DialogState.State;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogInfoTest {

    /** What a Polycom VVX receives for a BLF key: display names, a state event, target params, a duration. */
    private static final String POLYCOM = """
            <?xml version="1.0"?>
            <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="12" state="full"
                         entity="sip:1002@pbx.example.com">
              <dialog id="1002-abc" call-id="a84b4c76e66710@pc33.example.com" local-tag="1928301774"
                      remote-tag="a6c85cf" direction="recipient">
                <state event="remote-bye" code="200">confirmed</state>
                <duration>42</duration>
                <local>
                  <identity display="Bob">sip:1002@pbx.example.com</identity>
                  <target uri="sip:1002@192.0.2.20:5060">
                    <param pname="+sip.rendering" pvalue="yes"/>
                  </target>
                </local>
                <remote>
                  <identity display="Alice">sip:1001@pbx.example.com</identity>
                  <target uri="sip:1001@192.0.2.10:5060"/>
                </remote>
              </dialog>
            </dialog-info>
            """;

    private static final DialogState RINGING = new DialogState("d1", "call-1@pbx", "lt", null, Direction.RECIPIENT,
            State.EARLY, "sip:1002@pbx.example.com", null, "sip:1001@pbx.example.com", "sip:1001@192.0.2.10");

    @Test
    void parse_polycomSample_readsTheDialog() throws BodyException {
        DialogInfo info = DialogInfo.parse(bytes(POLYCOM));

        assertThat(info).isEqualTo(new DialogInfo("sip:1002@pbx.example.com", 12, true, List.of(new DialogState(
                "1002-abc", "a84b4c76e66710@pc33.example.com", "1928301774", "a6c85cf", Direction.RECIPIENT,
                State.CONFIRMED, "sip:1002@pbx.example.com", "sip:1002@192.0.2.20:5060", "sip:1001@pbx.example.com",
                "sip:1001@192.0.2.10:5060"))));
    }

    @Test
    void roundTrip_keepsEveryDialog() throws BodyException {
        DialogState bare = new DialogState("d2", "", null, null, Direction.INITIATOR, State.TRYING, null, null,
                null, null);
        DialogInfo info = new DialogInfo("sip:1002@pbx.example.com", 7, false, List.of(RINGING, bare));

        assertThat(DialogInfo.parse(info.toXml())).isEqualTo(info);
        DialogInfo idle = new DialogInfo("sip:1003@pbx.example.com", 0, true, List.of());
        assertThat(DialogInfo.parse(idle.toXml())).isEqualTo(idle);
    }

    @Test
    void toXml_writesTheRfc4235Shape() {
        String xml = new String(new DialogInfo("sip:1002@pbx.example.com", 3, true, List.of(RINGING)).toXml(),
                StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dialog-info "
                        + "xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"3\" state=\"full\" "
                        + "entity=\"sip:1002@pbx.example.com\">")
                .contains("<dialog id=\"d1\" call-id=\"call-1@pbx\" local-tag=\"lt\" direction=\"recipient\">",
                        "<state>early</state>", "<identity>sip:1001@pbx.example.com</identity>",
                        "<target uri=\"sip:1001@192.0.2.10\"/>")
                .doesNotContain("remote-tag");
    }

    @Test
    void toXml_escapesIdentities() throws BodyException {
        DialogState tricky = new DialogState("d<1>", "c\"&'", null, null, Direction.INITIATOR, State.CONFIRMED,
                "\"Bob & <Co>\" <sip:b@x>", "sip:b@x;a=\"&\"", null, null);
        DialogInfo info = new DialogInfo("sip:b@x", 1, true, List.of(tricky));

        assertThat(new String(info.toXml(), StandardCharsets.UTF_8))
                .contains("<identity>&quot;Bob &amp; &lt;Co&gt;&quot; &lt;sip:b@x&gt;</identity>");
        assertThat(DialogInfo.parse(info.toXml())).isEqualTo(info);
    }

    @Test
    void parse_refusesWhatIsNotDialogInfo() {
        assertRefused(POLYCOM.replace(">confirmed<", ">ringing<"), "Malformed dialog-info: unknown dialog state ringing");
        assertRefused(POLYCOM.replace(" direction=\"recipient\"", ""),
                "Malformed dialog-info: dialog without direction");
        assertRefused(POLYCOM.replace("state=\"full\"", "state=\"all\""),
                "Malformed dialog-info: state is neither full nor partial");
        assertRefused(POLYCOM.replace("version=\"12\"", "version=\"-1\""), "Malformed dialog-info: no valid version");
        assertRefused(POLYCOM.replace("dialog-info\"", "dialog-info:x\""),
                "Malformed dialog-info: root is not dialog-info in urn:ietf:params:xml:ns:dialog-info");
        assertRefused(POLYCOM.substring(0, 300), "Malformed dialog-info: not well-formed XML");
    }

    private static void assertRefused(String xml, String reason) {
        assertThatThrownBy(() -> DialogInfo.parse(bytes(xml)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }
}
