package io.gridpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedKeyStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStart_makesAKeyStoreForTheHost_andTheNextStartReusesIt() throws Exception {
        Path tlsDir = dataDir.resolve("tls");
        SipTls first = SelfSignedKeyStore.ensure(tlsDir, "127.0.0.1", 5061, new SplittableRandom(1));
        X509Certificate made = certificateIn(first);
        byte[] bytes = Files.readAllBytes(first.keyStore());

        SipTls second = SelfSignedKeyStore.ensure(tlsDir, "127.0.0.1", 5061, new SplittableRandom(2));

        assertThat(second.keyStore()).isEqualTo(first.keyStore());
        assertThat(second.keyStorePassword()).isEqualTo(first.keyStorePassword());
        assertThat(Files.readAllBytes(second.keyStore())).isEqualTo(bytes);
        assertThat(certificateIn(second)).isEqualTo(made);
        assertThat(made.getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
        assertThat(made.getSubjectAlternativeNames()).contains(List.of(7, "127.0.0.1"));
        assertThat(made.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(Files.getPosixFilePermissions(first.keyStore()).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        try (var files = Files.list(tlsDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sip-tls.p12", "sip-tls.password");
        }
    }

    private static X509Certificate certificateIn(SipTls tls) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            store.load(in, tls.keyStorePassword().toCharArray());
        }
        assertThat(store.isKeyEntry("gridpbx-sip")).isTrue();
        return (X509Certificate) store.getCertificate("gridpbx-sip");
    }
}
