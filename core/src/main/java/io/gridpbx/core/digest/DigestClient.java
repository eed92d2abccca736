package io.gridpbx.core.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client side of HTTP digest (RFC 7616, RFC 8760 for SIP): what GridPBX answers when a carrier
 * challenges a call it sends with a 401 or 407. Of several challenges, the strongest algorithm this
 * side knows wins; {@code qop=auth} is used whenever the challenge offers it.
 */
public final class DigestClient {

    /**
     * One challenge, as read from a {@code WWW-Authenticate} or {@code Proxy-Authenticate} value.
     *
     * @param qopAuth whether the challenge offers {@code qop=auth} (else the RFC 2069 form is answered)
     */
    public record Challenge(String realm, String nonce, @Nullable String opaque, DigestAlgorithm algorithm,
            boolean qopAuth) {
    }

    private DigestClient() {
    }

    /** The challenge to answer among a response's header values: the strongest algorithm known here; empty if none can be answered. */
    public static Optional<Challenge> strongest(List<String> headerValues) {
        Challenge best = null;
        for (String value : headerValues) {
            Optional<Challenge> parsed = parse(value);
            if (parsed.isPresent() && (best == null || parsed.get().algorithm().ordinal() > best.algorithm().ordinal())) {
                best = parsed.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** One header value; empty when it is no digest challenge, lacks realm or nonce, or names an unknown algorithm. */
    public static Optional<Challenge> parse(String headerValue) {
        String trimmed = headerValue.strip();
        if (trimmed.length() < 7 || !trimmed.substring(0, 7).equalsIgnoreCase("digest ")) {
            return Optional.empty();
        }
        Map<String, String> params = params(trimmed.substring(7));
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(params.getOrDefault("algorithm", ""));
        if (realm == null || nonce == null || algorithm.isEmpty()) {
            return Optional.empty();
        }
        boolean auth = false;
        for (String qop : params.getOrDefault("qop", "").split(",")) {
            auth |= qop.strip().equalsIgnoreCase("auth");
        }
        return Optional.of(new Challenge(realm, nonce, params.get("opaque"), algorithm.get(), auth));
    }

    /**
     * The {@code Authorization} / {@code Proxy-Authorization} value answering {@code challenge} for a
     * request of {@code method} to {@code uri}.
     *
     * @param cnonce the client nonce (fresh for each answer)
     * @param nc     how many times this nonce was answered, counting this one
     */
    public static String answer(Challenge challenge, String username, String password, String method, String uri,
            String cnonce, int nc) {
        DigestAlgorithm h = challenge.algorithm();
        String ha1 = h.ha1(username, challenge.realm(), password);
        String ha2 = h.hash(method + ":" + uri);
        String count = String.format(Locale.ROOT, "%08x", nc);
        String response = challenge.qopAuth()
                ? h.hash(ha1 + ":" + challenge.nonce() + ":" + count + ":" + cnonce + ":auth:" + ha2)
                : h.hash(ha1 + ":" + challenge.nonce() + ":" + ha2);
        StringBuilder value = new StringBuilder("Digest username=\"").append(quoted(username))
                .append("\", realm=\"").append(quoted(challenge.realm()))
                .append("\", nonce=\"").append(quoted(challenge.nonce()))
                .append("\", uri=\"").append(quoted(uri))
                .append("\", response=\"").append(response)
                .append("\", algorithm=").append(h.token());
        if (challenge.qopAuth()) {
            value.append(", qop=auth, nc=").append(count).append(", cnonce=\"").append(quoted(cnonce)).append('"');
        }
        if (challenge.opaque() != null) {
            value.append(", opaque=\"").append(quoted(challenge.opaque())).append('"');
        }
        return value.toString();
    }

    /** {@code key=value} pairs separated by commas, values quoted or not; commas inside quotes belong to the value. */
    private static Map<String, String> params(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        for (String p : parts) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                String value = p.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                params.put(p.substring(0, eq).strip().toLowerCase(Locale.ROOT), value);
            }
        }
        return params;
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
