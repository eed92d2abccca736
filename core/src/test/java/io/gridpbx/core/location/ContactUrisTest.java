package io.gridpbx.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Contact URIs denote the same binding, RFC 3261 section 19.1.4 with the registrar's leniency. */
class ContactUrisTest {

    @Test
    void schemeAndHost_compareCaseInsensitively() {
        assertThat(ContactUris.matchKey("SIP:alice@Example.COM"))
                .isEqualTo(ContactUris.matchKey("sip:alice@example.com"))
                .isEqualTo("sip:alice@example.com");
    }

    @Test
    void userPart_comparesCaseSensitively() {
        assertThat(ContactUris.matchKey("sip:Alice@example.com"))
                .isNotEqualTo(ContactUris.matchKey("sip:alice@example.com"));
    }

    @Test
    void port_distinguishesContacts() {
        assertThat(ContactUris.matchKey("sip:alice@192.0.2.1:5060"))
                .isNotEqualTo(ContactUris.matchKey("sip:alice@192.0.2.1:5062"));
    }

    @Test
    void transport_distinguishesContactsAndItsValueIgnoresCase() {
        assertThat(ContactUris.matchKey("sip:alice@192.0.2.1;transport=tcp"))
                .isNotEqualTo(ContactUris.matchKey("sip:alice@192.0.2.1;transport=udp"))
                .isNotEqualTo(ContactUris.matchKey("sip:alice@192.0.2.1"));
        assertThat(ContactUris.matchKey("sip:alice@192.0.2.1;Transport=TCP"))
                .isEqualTo("sip:alice@192.0.2.1;transport=tcp");
    }

    @Test
    void parametersOtherThanTransport_areIgnored() {
        assertThat(ContactUris.matchKey("sip:alice@192.0.2.1:5060;ob;rinstance=6f8a2b;transport=tcp"))
                .isEqualTo(ContactUris.matchKey("sip:alice@192.0.2.1:5060;transport=tcp"))
                .isEqualTo("sip:alice@192.0.2.1:5060;transport=tcp");
    }

    @Test
    void headers_areIgnored() {
        assertThat(ContactUris.matchKey("sip:alice@192.0.2.1?Subject=lunch"))
                .isEqualTo(ContactUris.matchKey("sip:alice@192.0.2.1"));
    }

    @Test
    void surroundingWhitespace_isIgnored() {
        assertThat(ContactUris.matchKey("  sip:alice@192.0.2.1 ")).isEqualTo("sip:alice@192.0.2.1");
    }

    @Test
    void uriWithoutUserPart_keysOnHost() {
        assertThat(ContactUris.matchKey("sips:GW.Example.com:5061")).isEqualTo("sips:gw.example.com:5061");
    }

    @Test
    void textWithoutScheme_isLowerCasedWhole() {
        assertThat(ContactUris.matchKey("Alice@Example.com")).isEqualTo("alice@example.com");
    }

    @Test
    void userPartHoldingSemicolon_keepsItsHost() {
        // Regression: RFC 3261 section 25.1 lets the user part hold ';' (user-unreserved), as in
        // telephone-subscriber users; the key used to stop at that ';' and lose the host, so two
        // phones on different hosts collapsed into one binding.
        String onA = "sip:+4930123456;npdi@192.0.2.1:5060;user=phone";
        String onB = "sip:+4930123456;npdi@192.0.2.2:5060;user=phone";

        assertThat(ContactUris.matchKey(onA)).isEqualTo("sip:+4930123456;npdi@192.0.2.1:5060");
        assertThat(ContactUris.matchKey(onA)).isNotEqualTo(ContactUris.matchKey(onB));
    }

    @Test
    void userPartHoldingQuestionMark_keepsItsHost() {
        assertThat(ContactUris.matchKey("sip:what?now@Host.example;transport=TLS?Priority=urgent"))
                .isEqualTo("sip:what?now@host.example;transport=tls");
    }
}
