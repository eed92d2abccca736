package io.gridpbx.sip.jain;

import io.gridpbx.sip.SipTls;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The RI's TLS settings for a node (RFC 3261 section 26.2; RFC 5630). The RI reads its server
 * certificate from the {@code javax.net.ssl} keystore properties of the stack (not of the JVM), and
 * its defaults are from another age: TLS 1.0 and 1.1 with RSA key exchange and 3DES. A node speaks
 * TLS 1.2 and 1.3 with the JDK's own enabled cipher suites.
 *
 * <p>{@code DisabledAll} for client authentication: phones present no certificate (RFC 5630
 * section 3.1.3 authenticates them by digest), and a phone's certificate, when the node connects to
 * one, is self-signed as often as not; the RI's other modes demand a certificate from every phone
 * or verify every phone's against a trust store.
 */
final class JainSipTls {

    private JainSipTls() {
    }

    static void configure(Properties p, SipTls tls) {
        p.setProperty("javax.net.ssl.keyStore", tls.keyStore().toAbsolutePath().toString());
        p.setProperty("javax.net.ssl.keyStorePassword", tls.keyStorePassword());
        p.setProperty("javax.net.ssl.keyStoreType", tls.keyStoreType());
        p.setProperty("javax.net.ssl.trustStore", tls.keyStore().toAbsolutePath().toString());
        p.setProperty("javax.net.ssl.trustStoreType", tls.keyStoreType());
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "DisabledAll");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", jdkCipherSuites());
        // A client that opens a connection and never finishes the handshake must not hold it for ever.
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10");
        p.setProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED", "false");
    }

    private static String jdkCipherSuites() {
        try {
            return Arrays.stream(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites())
                    .collect(Collectors.joining(","));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }
}
