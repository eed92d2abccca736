package io.gridpbx.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.auth.DigestResponse;
import org.junit.jupiter.api.Test;

class HttpDigestAuthorizationTest {

    @Test
    void aPhonesDigestHeader_parsesToTheRegistrarsAnswer() {
        String header = "Digest username=\"201\", realm=\"office.demo.gridpbx.test\", nonce=\"abc,def\", "
                + "uri=\"/prov/805ec0a1b201.cfg\", algorithm=MD5, response=\"0123456789abcdef\", qop=auth, "
                + "nc=00000001, cnonce=\"x\\\"y\"";

        assertThat(HttpDigestAuthorization.parse(header)).contains(new DigestResponse("201",
                "office.demo.gridpbx.test", "abc,def", "/prov/805ec0a1b201.cfg", "0123456789abcdef", "MD5", "auth",
                "00000001", "x\"y"));
    }

    @Test
    void malformedHeaders_areNoAnswer() {
        assertThat(HttpDigestAuthorization.parse("Basic MjAxOnBhc3M=")).isEmpty();
        assertThat(HttpDigestAuthorization.parse("Digest username=\"201\", realm=\"r\"")).as("fields missing")
                .isEmpty();
        assertThat(HttpDigestAuthorization.parse("Digest username=\"201")).as("unterminated quote").isEmpty();
        assertThat(HttpDigestAuthorization.parse("Digest username")).isEmpty();
        assertThat(HttpDigestAuthorization.parse("Digest username=a, username=b, realm=r, nonce=n, uri=u, "
                + "response=x")).as("a field twice").isEmpty();
        assertThat(HttpDigestAuthorization.parse("Digest " + "a=b, ".repeat(2_000))).isEmpty();
    }
}
