package io.gridpbx.node.metrics;

import io.gridpbx.core.security.AllowList;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may scrape a node: loopback always, the addresses of {@code gridpbx.metrics.allow-list}, and
 * anyone presenting {@code Authorization: Bearer <gridpbx.metrics.token>}. The metrics name tenants
 * and show traffic, so everyone else gets 401 (a token is configured) or 403 (none is).
 * The peer address is the connection's, never a forwarded header a client could write itself.
 */
final class ScrapeAccessFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final AllowList allowList;
    private final byte @Nullable [] token;

    ScrapeAccessFilter(AllowList allowList, @Nullable String token) {
        this.allowList = allowList;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (AllowList.LOOPBACK.covers(peer) || allowList.covers(peer) || carriesToken(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        if (token != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"GridPBX metrics\"");
            response.getWriter().println("send Authorization: Bearer <gridpbx.metrics.token>");
        } else {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().println("metrics are open to loopback and to gridpbx.metrics.allow-list;"
                    + " set gridpbx.metrics.token to scrape from elsewhere");
        }
    }

    private boolean carriesToken(@Nullable String authorization) {
        if (token == null || authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(token, authorization.substring(SCHEME.length()).trim()
                .getBytes(StandardCharsets.UTF_8));
    }
}
