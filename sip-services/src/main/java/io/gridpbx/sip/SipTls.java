package io.gridpbx.sip;

import java.nio.file.Path;

/**
 * SIP over TLS (RFC 3261 sections 26.2 and 26.3, TLS 1.2 and 1.3) on its own port, with the node's
 * certificate and private key in a keystore.
 *
 * @param port             the TLS port (5061 by convention)
 * @param keyStore         the keystore holding the certificate chain and its private key
 * @param keyStorePassword its password, also the key's
 * @param keyStoreType     {@code PKCS12} or {@code JKS}
 */
public record SipTls(int port, Path keyStore, String keyStorePassword, String keyStoreType) {

    public SipTls {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIP TLS port must be between 1 and 65535");
        }
    }
}
