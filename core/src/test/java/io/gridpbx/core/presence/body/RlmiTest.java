package io.gridpbx.core.presence.body;

import static io.gridpbx.core.presence.body.SafeXmlTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RlmiTest {

    private static final String BOUNDARY = "UniqueBoundary-50f2";

    private final byte[] bob = PresenceDocument.open("sip:bob@example.com").toXml();
    private final byte[] carol = PresenceDocument.closed("sip:carol@example.com").toXml();
    private final Rlmi rlmi = new Rlmi("sip:adam-friends@pres.example.com", 3, true, List.of(
            new Rlmi.Part("sip:bob@example.com", "active", null, PresenceDocument.CONTENT_TYPE, bob),
            new Rlmi.Part("sip:carol@example.com", "terminated", "rejected", PresenceDocument.CONTENT_TYPE, carol),
            new Rlmi.Part("sip:dave@example.com", "pending", null, PresenceDocument.CONTENT_TYPE, new byte[0])));

    @Test
    void toMultipart_splitsOnItsBoundaryIntoTheRlmiAndEachBody() throws BodyException {
        Rlmi.Multipart multipart = rlmi.toMultipart(BOUNDARY);
        String body = new String(multipart.body(), StandardCharsets.UTF_8);

        String[] pieces = body.split("--" + BOUNDARY, -1);
        // Nothing before the first delimiter; RLMI, bob, carol (dave is pending: no body); then "--\r\n".
        assertThat(pieces).hasSize(5);
        assertThat(pieces[0]).isEmpty();
        assertThat(pieces[4]).isEqualTo("--\r\n");
        assertThat(body).endsWith("\r\n--" + BOUNDARY + "--\r\n");

        String start = group(multipart.contentType(), "start=\"<([^>]+)>\"");
        assertThat(multipart.contentType()).isEqualTo("multipart/related;type=\"application/rlmi+xml\";start=\"<"
                + start + ">\";boundary=\"" + BOUNDARY + "\"");

        MimePart root = MimePart.of(pieces[1]);
        assertThat(root.contentId()).isEqualTo(start);
        assertThat(root.contentType()).startsWith("application/rlmi+xml");
        XmlElement list = SafeXml.parse(bytes(root.body()), 10_000, "RLMI", Rlmi.NAMESPACE, "list");
        assertThat(list.attributes()).containsEntry("uri", "sip:adam-friends@pres.example.com")
                .containsEntry("version", "3").containsEntry("fullState", "true");
        List<XmlElement> instances = list.children(Rlmi.NAMESPACE, "resource").stream()
                .map(resource -> resource.child(Rlmi.NAMESPACE, "instance")).toList();
        assertThat(instances).extracting(i -> i.attribute("state")).containsExactly("active", "terminated", "pending");
        assertThat(instances.get(1).attribute("reason")).isEqualTo("rejected");
        assertThat(instances.get(2).attribute("cid")).isNull();

        for (int i = 0; i < 2; i++) {
            MimePart part = MimePart.of(pieces[i + 2]);
            assertThat(part.contentId()).isEqualTo(instances.get(i).attribute("cid"));
            assertThat(part.contentType()).isEqualTo("application/pidf+xml");
            assertThat(bytes(part.body())).isEqualTo(i == 0 ? bob : carol);
        }
    }

    @Test
    void instanceIds_stayTheSameFromOneNotifyToTheNext() throws BodyException {
        Rlmi next = new Rlmi(rlmi.listUri(), 4, false, rlmi.parts().subList(1, 2));

        assertThat(instanceIds(next)).containsExactly(instanceIds(rlmi).get(1));
        assertThat(instanceIds(rlmi)).doesNotHaveDuplicates();
    }

    @Test
    void toMultipart_refusesABoundaryFoundInABody_orNotABoundary() {
        Rlmi quoting = new Rlmi("sip:l@x", 0, true, List.of(new Rlmi.Part("sip:a@x", "active", null,
                "text/plain", bytes("a line\r\n--frontier\r\nin the body"))));

        assertThatThrownBy(() -> quoting.toMultipart("frontier")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("occurs in the body");
        assertThat(quoting.toMultipart("frontier2").body()).isNotEmpty();
        assertThatThrownBy(() -> rlmi.toMultipart("a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rlmi.toMultipart("x".repeat(71))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parts_areValuesAndCopies() {
        byte[] body = {1, 2, 3};
        Rlmi.Part part = new Rlmi.Part("sip:a@b", "active", null, "text/plain", body);
        body[0] = 9;

        assertThat(part.body()).containsExactly(1, 2, 3);
        assertThat(part).isEqualTo(new Rlmi.Part("sip:a@b", "active", null, "text/plain", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> new Rlmi.Part("sip:a@b", "gone", null, "text/plain", body))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rlmi.Part("sip:a@b", "active", null, "text/plain\r\nX: y", body))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> instanceIds(Rlmi rlmi) throws BodyException {
        String body = new String(rlmi.toMultipart(BOUNDARY).body(), StandardCharsets.UTF_8);
        XmlElement list = SafeXml.parse(bytes(MimePart.of(body.split("--" + BOUNDARY)[1]).body()), 10_000, "RLMI");
        return list.descendants(Rlmi.NAMESPACE, "instance").stream().map(i -> i.attribute("id")).toList();
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    /** One piece between delimiters: CRLF, headers, a blank line, the body, and the CRLF of the next delimiter. */
    private record MimePart(String contentId, String contentType, String body) {

        static MimePart of(String piece) {
            assertThat(piece).startsWith("\r\n").endsWith("\r\n");
            String inner = piece.substring(2, piece.length() - 2);
            int blank = inner.indexOf("\r\n\r\n");
            List<String> headers = Arrays.asList(inner.substring(0, blank).split("\r\n"));
            assertThat(headers).contains("Content-Transfer-Encoding: binary");
            return new MimePart(group(inner, "Content-ID: <([^>]+)>"), group(inner, "Content-Type: (.+)\r\n"),
                    inner.substring(blank + 4));
        }
    }
}
