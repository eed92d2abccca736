package io.gridpbx.node.provisioning;

import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.provisioning.FetchResult;
import io.gridpbx.core.provisioning.HttpDigestAuthorization;
import io.gridpbx.core.provisioning.PhoneFetch;
import io.gridpbx.core.provisioning.PhoneFile;
import io.gridpbx.core.provisioning.PhoneProvisioning;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provisioning server desk phones are pointed at: {@code GET /prov/<file>}, the vendor's own file
 * names ({@link PhoneFile}). Phones authenticate with HTTP Basic (RFC 7617): the MAC and the phone's
 * secret, or the user's SIP auth user and password; or with HTTP Digest (RFC 7616) and the SIP
 * credentials, checked like a REGISTER (cluster nonces, replay counts). Not under {@code /api}: no bearer token, the
 * phone's credentials are the check. A configuration holds a SIP password, so it is never cached.
 */
@RestController
class PhoneProvisioningController {

    static final String PREFIX = "/prov/";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1," + PhoneFile.MAX_NAME + "}");
    private static final String CHALLENGE = "Basic realm=\"GridPBX provisioning\", charset=\"UTF-8\"";

    private final PhoneProvisioning provisioning;
    private final PhoneTemplates templates;

    PhoneProvisioningController(PhoneProvisioning provisioning, PhoneTemplates templates) {
        this.provisioning = provisioning;
        this.templates = templates;
    }

    @GetMapping("/prov/**")
    ResponseEntity<String> fetch(HttpServletRequest request) {
        // The container's decoded, normalized path: "/prov/../x" never gets here, "/prov/a/b" is no file name.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String name = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (!SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return plain(HttpStatus.BAD_REQUEST, "not a provisioning file name\n");
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String[] basic = basic(authorization);
        DigestResponse digest = authorization == null ? null
                : HttpDigestAuthorization.parse(authorization).orElse(null);
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        FetchResult result = provisioning.fetch(new PhoneFetch(name, request.getRemoteAddr(),
                userAgent == null ? "" : userAgent, basic == null ? null : basic[0], basic == null ? null : basic[1],
                digest));
        return switch (result) {
            case FetchResult.Config config -> ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .contentType(MediaType.parseMediaType(PhoneTemplates.contentType(name)))
                    .body(templates.render(config));
            case FetchResult.Common common -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(PhoneTemplates.contentType(name)))
                    .body(templates.renderCommon(common));
            case FetchResult.Unauthorized refused -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenges(refused))
                    .contentType(MediaType.TEXT_PLAIN).body("credentials required\n");
            case FetchResult.NotFound ignored -> plain(HttpStatus.NOT_FOUND, "no such phone or file\n");
            case FetchResult.TooMany tooMany -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()))
                    .contentType(MediaType.TEXT_PLAIN).body("too many unknown phones from this address\n");
        };
    }

    /** Digest first (RFC 7616 section 3.7: the preferred scheme), then Basic, each its own header. */
    private static String[] challenges(FetchResult.Unauthorized refused) {
        List<String> values = new ArrayList<>();
        for (DigestAuthenticator.DigestChallenge c : refused.digest()) {
            values.add("Digest realm=\"" + c.realm() + "\", nonce=\"" + c.nonce() + "\", algorithm="
                    + c.algorithm().token() + ", qop=\"auth\"" + (c.stale() ? ", stale=true" : ""));
        }
        values.add(CHALLENGE);
        return values.toArray(String[]::new);
    }

    private static ResponseEntity<String> plain(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }

    /** User and password of a Basic Authorization header, or null when absent or malformed. */
    static String @Nullable [] basic(@Nullable String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6) || authorization.length() > 1024) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
