package io.gridpbx.core.presence.body;

import static io.gridpbx.core.presence.body.SafeXmlTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceListsTest {

    /** RFC 4826 §3.3's example, less its nested list and external reference. */
    private static final String FRIENDS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
                            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <list name="friends">
                <display-name>Friends</display-name>
                <entry uri="sip:bill@example.com">
                  <display-name>Bill Doe</display-name>
                </entry>
                <entry uri="tel:+43123456789"/>
              </list>
              <list name="work">
                <entry uri="SIPS:boss@example.com"/>
              </list>
            </resource-lists>
            """;

    @Test
    void parse_readsListsAndEntries() throws BodyException {
        assertThat(ResourceLists.parse(bytes(FRIENDS))).isEqualTo(new ResourceLists(List.of(
                new ResourceList("friends", "Friends",
                        List.of(new Entry("sip:bill@example.com", "Bill Doe"), new Entry("tel:+43123456789", null))),
                new ResourceList("work", null, List.of(new Entry("SIPS:boss@example.com", null))))));
    }

    @Test
    void roundTrip_keepsEverything_escaped() throws BodyException {
        ResourceLists lists = new ResourceLists(List.of(
                new ResourceList("a&b", "<Team \"A\">", List.of(new Entry("sip:x@example.com;p=\"<&>\"", "X & Y"))),
                new ResourceList("empty", null, List.of())));

        assertThat(new String(lists.toXml(), StandardCharsets.UTF_8)).contains("<list name=\"a&amp;b\">",
                "<display-name>&lt;Team &quot;A&quot;&gt;</display-name>");
        assertThat(ResourceLists.parse(lists.toXml())).isEqualTo(lists);
    }

    @Test
    void parse_entryThatIsNotSipOrTel_is400NamingIt() {
        assertRefused(FRIENDS.replace("sip:bill@example.com", "http://evil.example.com/x"),
                "Malformed resource-lists: entry http://evil.example.com/x is not a sip, sips or tel URI");
        assertThatThrownBy(() -> new Entry("mailto:a@b", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_moreThanAThousandEntries_is400() throws BodyException {
        assertThat(ResourceLists.parse(lists(2, 500)).lists()).hasSize(2);

        assertThatThrownBy(() -> ResourceLists.parse(lists(2, 501)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Malformed resource-lists: more than 1000 entries");
                });
    }

    @Test
    void parse_nestedListsAndReferences_areRefused() {
        assertRefused(FRIENDS.replace("<entry uri=\"tel:+43123456789\"/>", "<list name=\"inner\"/>"),
                "Malformed resource-lists: nested lists are not supported");
        assertRefused(FRIENDS.replace("<entry uri=\"tel:+43123456789\"/>", "<entry-ref ref=\"users/x\"/>"),
                "Malformed resource-lists: entry-ref is not supported");
    }

    @Test
    void parse_missingNamesOrUrisAndDuplicates_areRefused() {
        assertRefused(FRIENDS.replace(" name=\"work\"", ""), "Malformed resource-lists: list without name");
        assertRefused(FRIENDS.replace("name=\"work\"", "name=\"friends\""),
                "Malformed resource-lists: two lists named friends");
        assertRefused(FRIENDS.replace("uri=\"tel:+43123456789\"", ""), "Malformed resource-lists: entry without uri");
        assertRefused(FRIENDS.replace("tel:+43123456789", "sip:bill@example.com"),
                "Malformed resource-lists: entry sip:bill@example.com is listed twice");
        assertRefused(FRIENDS.replace("urn:ietf:params:xml:ns:resource-lists", "urn:ietf:params:xml:ns:rls-services"),
                "Malformed resource-lists: root is not resource-lists in urn:ietf:params:xml:ns:resource-lists");
    }

    /** A compact document, so 1,001 entries stay under the 64 KiB limit. */
    private static byte[] lists(int lists, int entriesEach) {
        StringBuilder xml = new StringBuilder("<resource-lists xmlns='urn:ietf:params:xml:ns:resource-lists'>");
        for (int l = 0; l < lists; l++) {
            xml.append("<list name='l").append(l).append("'>");
            for (int e = 0; e < entriesEach; e++) {
                xml.append("<entry uri='sip:").append(l).append('-').append(e).append("@x'/>");
            }
            xml.append("</list>");
        }
        return bytes(xml.append("</resource-lists>").toString());
    }

    private static void assertRefused(String xml, String reason) {
        assertThatThrownBy(() -> ResourceLists.parse(bytes(xml)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }
}
