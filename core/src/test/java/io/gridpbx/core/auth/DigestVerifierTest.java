package io.gridpbx.core.auth;

import io.gridpbx.core.digest.DigestAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The digest {@code response} of RFC 7616 section 3.4.1, checked against the published examples. */
class DigestVerifierTest {

    // RFC 7616 section 3.9.1.
    private static final String USER = "Mufasa";
    private static final String PASSWORD = "Circle of Life";
    private static final String REALM = "http-auth@example.org";
    private static final String URI = "/dir/index.html";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String MD5_RESPONSE = "8ca523f5e9506fed4657c9700eebdbec";
    private static final String SHA256_RESPONSE = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

    @Test
    void md5Response_matchesRfc7616Example() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD);
        DigestResponse response = rfc7616(MD5_RESPONSE, "MD5");

        assertThat(DigestVerifier.expectedResponse(DigestAlgorithm.MD5, ha1, "GET", response)).isEqualTo(MD5_RESPONSE);
        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", response)).isTrue();
    }

    @Test
    void sha256Response_matchesRfc7616Example() {
        String ha1 = DigestAlgorithm.SHA_256.ha1(USER, REALM, PASSWORD);
        DigestResponse response = rfc7616(SHA256_RESPONSE, "SHA-256");

        assertThat(DigestVerifier.expectedResponse(DigestAlgorithm.SHA_256, ha1, "GET", response))
                .isEqualTo(SHA256_RESPONSE);
        assertThat(DigestVerifier.matches(DigestAlgorithm.SHA_256, ha1, "GET", response)).isTrue();
    }

    @Test
    void qopAuthResponse_matchesRfc2617Example() {
        // RFC 2617 section 3.5.
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        DigestResponse response = new DigestResponse("Mufasa", "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", URI, "6629fae49393a05397450978507c4ef1",
                null, "auth", "00000001", "0a4f113b");

        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", response)).isTrue();
    }

    @Test
    void responseWithoutQop_usesTheRfc2069Form() {
        // RFC 2069 section 2.4 with its erratum: the published response was computed wrongly,
        // the right one for password "CircleOfLife" is 1949323746fe6a43ef61f9606e7febea.
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "testrealm@host.com", "CircleOfLife");
        DigestResponse response = new DigestResponse("Mufasa", "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", URI, "1949323746fe6a43ef61f9606e7febea",
                null, null, null, null);

        assertThat(DigestVerifier.expectedResponse(DigestAlgorithm.MD5, ha1, "GET", response))
                .isEqualTo("1949323746fe6a43ef61f9606e7febea");
        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", response)).isTrue();
    }

    @Test
    void responseInUpperCaseHex_stillMatches() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD);

        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", rfc7616(MD5_RESPONSE.toUpperCase(), "MD5")))
                .isTrue();
    }

    @Test
    void wrongPassword_doesNotMatch() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, "Circle of Lies");

        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", rfc7616(MD5_RESPONSE, "MD5"))).isFalse();
    }

    @Test
    void otherMethod_doesNotMatch() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD);

        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "POST", rfc7616(MD5_RESPONSE, "MD5"))).isFalse();
    }

    @Test
    void responseOfTheOtherAlgorithm_doesNotMatch() {
        String ha1 = DigestAlgorithm.SHA_256.ha1(USER, REALM, PASSWORD);

        assertThat(DigestVerifier.matches(DigestAlgorithm.SHA_256, ha1, "GET", rfc7616(MD5_RESPONSE, "SHA-256")))
                .isFalse();
    }

    @Test
    void qopOtherThanAuth_failsEvenWithAConsistentResponse() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD);
        DigestResponse unsigned = withQop("auth-int", "00000001", CNONCE);
        DigestResponse authInt = withResponse(unsigned,
                DigestVerifier.expectedResponse(DigestAlgorithm.MD5, ha1, "GET", unsigned));

        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", authInt)).isFalse();
    }

    @Test
    void qopAuthWithoutNcOrCnonce_fails() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD);

        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", withQop("auth", null, CNONCE))).isFalse();
        assertThat(DigestVerifier.matches(DigestAlgorithm.MD5, ha1, "GET", withQop("auth", "00000001", null))).isFalse();
    }

    @Test
    void algorithmToken_absentMeansMd5AndUnknownIsEmpty() {
        assertThat(DigestAlgorithm.fromToken(null)).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("md5")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("SHA-512-256")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("MD5-sess")).isEmpty();
    }

    private static DigestResponse rfc7616(String response, String algorithm) {
        return new DigestResponse(USER, REALM, NONCE, URI, response, algorithm, "auth", "00000001", CNONCE);
    }

    private static DigestResponse withQop(String qop, @Nullable String nc, @Nullable String cnonce) {
        return new DigestResponse(USER, REALM, NONCE, URI, MD5_RESPONSE, "MD5", qop, nc, cnonce);
    }

    private static DigestResponse withResponse(DigestResponse r, String response) {
        return new DigestResponse(r.username(), r.realm(), r.nonce(), r.uri(), response, r.algorithm(), r.qop(), r.nc(),
                r.cnonce());
    }
}
