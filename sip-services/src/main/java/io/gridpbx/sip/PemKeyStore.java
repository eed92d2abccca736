package io.gridpbx.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A certificate chain and its private key in PEM files (as certbot and most CAs deliver them) turned
 * into the PKCS#12 keystore the RI reads, written into the node's data directory at every start so
 * that a renewed certificate is picked up by a restart. The key must be PKCS#8
 * ({@code BEGIN PRIVATE KEY}, what OpenSSL 3 writes); RSA and EC keys are read.
 */
public final class PemKeyStore {

    static final String KEYSTORE = "sip-tls-from-pem.p12";

    private PemKeyStore() {
    }

    public static SipTls from(Path certificates, Path privateKey, Path dir, int port, RandomGenerator random) {
        try {
            List<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificates)) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + certificates);
            }
            PrivateKey key = privateKey(Files.readString(privateKey, StandardCharsets.US_ASCII), privateKey);
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("gridpbx-sip", key, password.toCharArray(), chain.toArray(Certificate[]::new));
            Files.createDirectories(dir);
            Path partial = dir.resolve(KEYSTORE + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, password.toCharArray());
            }
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory's own protection applies
            }
            Path keyStore = dir.resolve(KEYSTORE);
            Files.move(partial, keyStore, StandardCopyOption.REPLACE_EXISTING);
            return new SipTls(port, keyStore, password, "PKCS12");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SIP TLS certificate or key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the SIP TLS certificate " + certificates + " with key "
                    + privateKey + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String pem, Path file) throws GeneralSecurityException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(file + " holds no PKCS#8 key (BEGIN PRIVATE KEY); convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                last = notThisAlgorithm;
            }
        }
        throw last;
    }
}
