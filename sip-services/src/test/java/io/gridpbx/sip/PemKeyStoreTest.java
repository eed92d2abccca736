package io.gridpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void aPemCertificateAndPkcs8Key_becomeAKeyStoreWithThatKeyAndChain() throws Exception {
        SipTls made = SelfSignedKeyStore.ensure(dir.resolve("source"), "sip.example.test", 5061, new SplittableRandom(3));
        KeyStore source = load(made.keyStore(), made.keyStorePassword());
        Key key = source.getKey("gridpbx-sip", made.keyStorePassword().toCharArray());
        Certificate certificate = source.getCertificate("gridpbx-sip");
        Path certPem = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyPem = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));

        SipTls tls = PemKeyStore.from(certPem, keyPem, dir.resolve("tls"), 5061, new SplittableRandom(4));

        KeyStore converted = load(tls.keyStore(), tls.keyStorePassword());
        assertThat(converted.getKey("gridpbx-sip", tls.keyStorePassword().toCharArray()).getEncoded())
                .isEqualTo(key.getEncoded());
        assertThat(converted.getCertificate("gridpbx-sip")).isEqualTo(certificate);
        assertThat(tls.keyStoreType()).isEqualTo("PKCS12");
    }

    @Test
    void aKeyThatIsNotPkcs8_isRefusedWithAClearMessage() throws Exception {
        SipTls made = SelfSignedKeyStore.ensure(dir.resolve("source"), "sip.example.test", 5061, new SplittableRandom(3));
        Certificate certificate = load(made.keyStore(), made.keyStorePassword()).getCertificate("gridpbx-sip");
        Path certPem = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyPem = Files.writeString(dir.resolve("key.pem"), pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> PemKeyStore.from(certPem, keyPem, dir.resolve("tls"), 5061, new SplittableRandom(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
