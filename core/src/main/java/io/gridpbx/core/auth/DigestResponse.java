package io.gridpbx.core.auth;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of an Authorization or Proxy-Authorization header, RFC 7616 section 3.4.
 * Only {@code username}, {@code realm}, {@code nonce}, {@code uri} and {@code response} are required.
 */
public record DigestResponse(
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        @Nullable String algorithm,
        @Nullable String qop,
        @Nullable String nc,
        @Nullable String cnonce) {
}
