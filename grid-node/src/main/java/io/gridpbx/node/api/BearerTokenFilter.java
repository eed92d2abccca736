package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves {@code Authorization: Bearer <secret>} (RFC 6750 section 2.1) to the token's {@link Actor}
 * for the API's requests, and answers 401 without one. The operator's provisioning path and the public
 * node status keep their own rules, so they pass untouched.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String ACTOR = BearerTokenFilter.class.getName() + ".actor";

    private static final String SCHEME = "bearer ";
    private static final String CHALLENGE = "Bearer realm=\"GridPBX API\"";
    private static final String[] OWN_RULES = {"/api/v1/provisioning/", "/api/v1/node/"};

    private final ApiTokens tokens;
    private final JsonMapper json;

    BearerTokenFilter(ApiTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The container's decoded and normalized path, not the raw URI: /api/v1/node/../resellers is /api/v1/resellers.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        for (String prefix : OWN_RULES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = secretOf(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (secret == null) {
            refuse(response, CHALLENGE, "send Authorization: Bearer <token>");
            return;
        }
        Optional<Actor> actor = tokens.resolve(secret);
        if (actor.isEmpty()) {
            // RFC 6750 section 3.1: an unknown, revoked or mistyped token is an invalid_token.
            refuse(response, CHALLENGE + ", error=\"invalid_token\"", "the token is unknown or revoked");
            return;
        }
        request.setAttribute(ACTOR, actor.get());
        chain.doFilter(request, response);
    }

    private static @Nullable String secretOf(@Nullable String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return null;
        }
        String secret = authorization.substring(SCHEME.length()).trim();
        return secret.isEmpty() ? null : secret;
    }

    private void refuse(HttpServletResponse response, String challenge, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError("unauthorized", message));
    }
}
