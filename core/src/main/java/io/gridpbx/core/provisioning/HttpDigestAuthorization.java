package io.gridpbx.core.provisioning;

import io.gridpbx.core.auth.DigestResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses an HTTP {@code Authorization: Digest ...} header (RFC 7616 section 3.4) into the same
 * {@link DigestResponse} the SIP registrar checks: a phone may fetch its configuration with its SIP
 * credentials, answered by the cluster's own nonces and replay checks. Anything malformed is empty.
 */
public final class HttpDigestAuthorization {

    private static final int MAX_LENGTH = 4096;

    private HttpDigestAuthorization() {
    }

    public static Optional<DigestResponse> parse(String header) {
        if (header.length() > MAX_LENGTH || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> params = params(header.substring(7));
        if (params == null) {
            return Optional.empty();
        }
        String username = params.get("username");
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        String uri = params.get("uri");
        String response = params.get("response");
        if (username == null || realm == null || nonce == null || uri == null || response == null) {
            return Optional.empty();
        }
        return Optional.of(new DigestResponse(username, realm, nonce, uri, response, params.get("algorithm"),
                params.get("qop"), params.get("nc"), params.get("cnonce")));
    }

    /** {@code name=token} or {@code name="quoted \" string"}, separated by commas; null when malformed. */
    private static Map<String, String> params(String text) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i == n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i == n) {
                    return null;
                }
                i++;
            } else {
                while (i < n && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            if (name.isEmpty() || params.putIfAbsent(name, value.toString().strip()) != null) {
                return null;
            }
        }
        return params;
    }
}
