package io.gridpbx.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestClientTest {

    /** RFC 7616 section 3.9.1: the same request answered with SHA-256 and with MD5. */
    private static final String RFC7616_SHA256 = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
            + " algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String RFC7616_MD5 = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
            + " algorithm=MD5, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void answersRfc7616sExamples() {
        DigestClient.Challenge sha = DigestClient.parse(RFC7616_SHA256).orElseThrow();
        assertThat(DigestClient.answer(sha, "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE, 1))
                .contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"")
                .contains("qop=auth, nc=00000001, cnonce=\"" + CNONCE + "\"")
                .contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")
                .contains("algorithm=SHA-256");
        DigestClient.Challenge md5 = DigestClient.parse(RFC7616_MD5).orElseThrow();
        assertThat(DigestClient.answer(md5, "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE, 1))
                .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"");
    }

    @Test
    void ofSeveralChallenges_theStrongestKnownIsAnswered() {
        assertThat(DigestClient.strongest(List.of(RFC7616_MD5, RFC7616_SHA256, "Digest realm=\"x\", nonce=\"y\", algorithm=SHA-512-256")))
                .map(DigestClient.Challenge::algorithm).contains(DigestAlgorithm.SHA_256);
    }

    @Test
    void aChallengeWithoutQop_isAnsweredTheRfc2069Way() {
        DigestClient.Challenge plain = DigestClient.parse("Digest realm=\"carrier.example\", nonce=\"abc\"").orElseThrow();
        String value = DigestClient.answer(plain, "trunk1", "secret", "INVITE", "sip:15145551234@carrier.example", "c", 1);
        String expected = DigestAlgorithm.MD5.hash(DigestAlgorithm.MD5.ha1("trunk1", "carrier.example", "secret")
                + ":abc:" + DigestAlgorithm.MD5.hash("INVITE:sip:15145551234@carrier.example"));
        assertThat(value).contains("response=\"" + expected + "\"").doesNotContain("qop").doesNotContain("opaque");
    }

    @Test
    void whatIsNoChallenge_isNotAnswered() {
        assertThat(DigestClient.parse("Basic realm=\"x\"")).isEmpty();
        assertThat(DigestClient.parse("Digest nonce=\"only\"")).isEmpty();
        assertThat(DigestClient.parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")).isEmpty();
        assertThat(DigestClient.strongest(List.of())).isEmpty();
    }
}
