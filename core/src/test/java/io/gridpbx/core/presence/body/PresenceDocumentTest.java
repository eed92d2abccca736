package io.gridpbx.core.presence.body;

import static io.gridpbx.core.presence.body.SafeXmlTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceDocumentTest {

    /** What a Yealink T4x publishes when its user picks up: the activity in an RFC 4480 person. */
    private static final String YEALINK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf"
                      xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                      xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
                      xmlns:c="urn:ietf:params:xml:ns:pidf:cipid"
                      entity="sip:1001@pbx.example.com">
              <tuple id="t6a5ed77e">
                <status><basic>open</basic></status>
                <contact priority="0.8">sip:1001@192.0.2.10:5060</contact>
              </tuple>
              <dm:person id="p06360c4a">
                <rpid:activities><rpid:on-the-phone/></rpid:activities>
                <dm:note>On the phone</dm:note>
              </dm:person>
            </presence>
            """;

    @Test
    void parse_yealinkPublish_readsStatusContactNoteAndActivity() throws BodyException {
        PresenceDocument document = PresenceDocument.parse(bytes(YEALINK));

        assertThat(document).isEqualTo(new PresenceDocument("sip:1001@pbx.example.com", true, "On the phone",
                List.of("on-the-phone"), "sip:1001@192.0.2.10:5060"));
    }

    @Test
    void parse_prefersTheTuplesNote_thenThePresences() throws BodyException {
        String both = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='pres:a@example.com'>"
                + "<tuple id='a'><status><basic>closed</basic></status><note> Gone home </note><note>2</note></tuple>"
                + "<tuple id='b'><status><basic>open</basic></status></tuple><note>presence</note></presence>";
        String presenceOnly = both.replace("<note> Gone home </note><note>2</note>", "");

        assertThat(PresenceDocument.parse(bytes(both)))
                .isEqualTo(new PresenceDocument("pres:a@example.com", false, "Gone home", List.of(), null));
        assertThat(PresenceDocument.parse(bytes(presenceOnly)).note()).isEqualTo("presence");
    }

    @Test
    void roundTrip_keepsEverything() throws BodyException {
        PresenceDocument full = new PresenceDocument("sip:1001@pbx.example.com", true, "Lunch, back at 2",
                List.of("meal", "away"), "sip:1001@192.0.2.10");
        PresenceDocument bare = PresenceDocument.closed("sip:1002@pbx.example.com");

        assertThat(PresenceDocument.parse(full.toXml())).isEqualTo(full);
        assertThat(PresenceDocument.parse(bare.toXml())).isEqualTo(bare);
        assertThat(PresenceDocument.parse(PresenceDocument.open("sip:x@y").toXml()).open()).isTrue();
    }

    @Test
    void toXml_writesOneTupleAndThePerson() {
        String xml = new String(PresenceDocument.open("sip:a@example.com").withActivities(List.of("on-the-phone"))
                .toXml(), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<tuple id=\"t1\">", "<basic>open</basic>",
                        "<dm:person id=\"p1\">", "<rpid:activities>", "<rpid:on-the-phone/>")
                .doesNotContain("<note>");
    }

    @Test
    void toXml_escapesTheNoteEntityAndContact() throws BodyException {
        PresenceDocument tricky = new PresenceDocument("sip:\"a\"&<b>@example.com", true,
                "</note><x a=\"1\">&amp; 'q'\r\nline", List.of(), "sip:c@example.com;x=\"<&>\"");
        String xml = new String(tricky.toXml(), StandardCharsets.UTF_8);

        assertThat(xml).contains("&lt;/note&gt;&lt;x a=&quot;1&quot;&gt;&amp;amp; &apos;q&apos;&#13;\nline")
                .contains("entity=\"sip:&quot;a&quot;&amp;&lt;b&gt;@example.com\"");
        assertThat(PresenceDocument.parse(tricky.toXml())).isEqualTo(tricky);
    }

    @Test
    void toXml_replacesCharactersXmlCannotCarry() throws BodyException {
        PresenceDocument withControl = new PresenceDocument("sip:a@b", true, "bell\u0007 and \uD800 alone",
                List.of(), null);

        assertThat(PresenceDocument.parse(withControl.toXml()).note()).isEqualTo("bell\uFFFD and \uFFFD alone");
    }

    @Test
    void parse_basicMaybe_is400() {
        String maybe = YEALINK.replace("<basic>open</basic>", "<basic>maybe</basic>");

        assertThatThrownBy(() -> PresenceDocument.parse(bytes(maybe)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Malformed PIDF: basic status is neither open nor closed");
                });
    }

    @Test
    void parse_withoutEntityTupleOrBasic_is400WithTheReason() {
        assertRefused(YEALINK.replace("entity=\"sip:1001@pbx.example.com\"", ""), "Malformed PIDF: no entity");
        assertRefused("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><note>x</note></presence>",
                "Malformed PIDF: no tuple");
        assertRefused(YEALINK.replace("<status><basic>open</basic></status>", "<status/>"),
                "Malformed PIDF: no basic status");
        assertRefused(YEALINK.replace("xmlns=\"urn:ietf:params:xml:ns:pidf\"", "xmlns=\"urn:example\""),
                "Malformed PIDF: root is not presence in urn:ietf:params:xml:ns:pidf");
    }

    @Test
    void activities_mustBeElementNames() {
        assertThatThrownBy(() -> PresenceDocument.open("sip:a@b").withActivities(List.of("on the phone")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PresenceDocument.open("sip:a@b").withActivities(List.of("away", "away")).activities())
                .containsExactly("away");
    }

    private static void assertRefused(String xml, String reason) {
        assertThatThrownBy(() -> PresenceDocument.parse(bytes(xml)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }
}
