package io.gridpbx.core.presence.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    private static final String PIDF = "urn:ietf:params:xml:ns:pidf";

    /** Ten levels of ten: a billion "lol"s, 3 GB, if the parser expanded them. */
    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE presence [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@example.com">
              <tuple id="t1"><status><basic>open</basic></status><note>&lol9;</note></tuple>
            </presence>
            """;

    @Test
    void parse_billionLaughs_isRefusedQuickly() throws Exception {
        SafeXml.parse(bytes("<presence xmlns='" + PIDF + "'/>"), SafeXml.DEFAULT_MAX_BYTES, "PIDF"); // warm up

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            BodyException refused = catchThrowableOfType(BodyException.class,
                    () -> SafeXml.parse(bytes(BILLION_LAUGHS), SafeXml.DEFAULT_MAX_BYTES, "PIDF"));
            assertThat(refused).isNotNull();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.reason()).isEqualTo("Malformed PIDF: DOCTYPE not allowed");
        });
    }

    @Test
    void parse_externalEntity_isRefused_andNoFileContentLeaks(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-c0ntent");
        for (String uri : new String[] {secret.toUri().toString(), "file:///etc/passwd"}) {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + uri + "\">]>"
                    + "<presence xmlns=\"" + PIDF + "\" entity=\"sip:a@example.com\"><tuple id=\"t\"><status>"
                    + "<basic>open</basic></status><note>&e;</note></tuple></presence>";

            BodyException refused = catchThrowableOfType(BodyException.class,
                    () -> PresenceDocument.parse(bytes(xxe)));

            assertThat(refused).isNotNull();
            assertThat(refused.status()).isEqualTo(400);
            for (Throwable t = refused; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cr3t").doesNotContain("root:");
            }
        }
    }

    @Test
    void parse_truncatedOrNotXml_is400NamingTheKind() {
        String whole = "<presence xmlns='" + PIDF + "' entity='sip:a@example.com'><tuple id='t'><status>"
                + "<basic>open</basic></status></tuple></presence>";
        for (String bad : new String[] {whole.substring(0, whole.length() - 5), "", "hello", "<a><b></a>"}) {
            assertThatThrownBy(() -> SafeXml.parse(bytes(bad), SafeXml.DEFAULT_MAX_BYTES, "PIDF"))
                    .isInstanceOfSatisfying(BodyException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.reason()).isEqualTo("Malformed PIDF: not well-formed XML");
                    });
        }
    }

    @Test
    void parse_overTheLimit_is413BeforeParsing() {
        // Not even XML: the size alone decides.
        byte[] large = new byte[SafeXml.DEFAULT_MAX_BYTES + 1];

        assertThatThrownBy(() -> SafeXml.parse(large, SafeXml.DEFAULT_MAX_BYTES, "PIDF"))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.reason()).isEqualTo("Body Too Large");
                });
        assertThatThrownBy(() -> SafeXml.parse(bytes("<a/>"), 3, "PIDF"))
                .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void parse_wrongRootOrNamespace_is400() {
        for (String bad : new String[] {"<presence entity='x'/>", "<presenc xmlns='" + PIDF + "'/>",
                "<presence xmlns='urn:ietf:params:xml:ns:cpim-pidf'/>"}) {
            assertThatThrownBy(() -> SafeXml.parse(bytes(bad), 100, "PIDF", PIDF, "presence"))
                    .isInstanceOfSatisfying(BodyException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.reason()).startsWith("Malformed PIDF: root is not presence");
                    });
        }
    }

    @Test
    void parse_deepNesting_is400() {
        // The JDK's own limit (100 with secure processing) stops the first; ours (64) the second.
        for (int depth : new int[] {5_000, 65}) {
            String deep = "<a>".repeat(depth) + "</a>".repeat(depth);

            assertThatThrownBy(() -> SafeXml.parse(bytes(deep), SafeXml.DEFAULT_MAX_BYTES, "PIDF"))
                    .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThatThrownBy(() -> SafeXml.parse(bytes("<a>".repeat(65) + "</a>".repeat(65)), 1000, "PIDF"))
                .isInstanceOfSatisfying(BodyException.class,
                        e -> assertThat(e.reason()).isEqualTo("Malformed PIDF: nested deeper than 64"));
    }

    @Test
    void parse_keepsNamespacesAttributesAndText() throws Exception {
        XmlElement root = SafeXml.parse(bytes("<r xmlns='urn:x' xmlns:y='urn:y' a=' 1 ' y:b='2'>"
                + "<y:c>t<![CDATA[<&>]]></y:c><!-- c --><c/></r>"), 1000, "test");

        assertThat(root.is("urn:x", "r")).isTrue();
        assertThat(root.attributes()).containsExactly(java.util.Map.entry("a", " 1 "));
        assertThat(root.attribute("a")).isEqualTo("1");
        assertThat(root.childText("urn:y", "c")).isEqualTo("t<&>");
        assertThat(root.children("urn:x", "c")).hasSize(1);
    }

    @Test
    void parse_randomBytes_onlyEverThrowsBodyException() {
        Random random = new Random(3863);
        byte[] seed = bytes("<presence xmlns='" + PIDF + "' entity='sip:a@b'><tuple id='t'><status><basic>open"
                + "</basic></status><note>x</note></tuple></presence>");
        for (int round = 0; round < 500; round++) {
            byte[] mutated = seed.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                PresenceDocument.parse(mutated);
            } catch (BodyException expected) {
                assertThat(expected.status()).isEqualTo(400);
            }
        }
    }

    @Test
    void reason_isOneLineAndShort() {
        BodyException e = new BodyException(400, "Malformed x: entry sip:a\r\nVia: evil" + "z".repeat(500));

        assertThat(e.reason()).doesNotContain("\r").doesNotContain("\n").hasSizeLessThanOrEqualTo(120);
        assertThatThrownBy(() -> new BodyException(500, "no")).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
