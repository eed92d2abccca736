package io.gridpbx.node.xcap;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.presence.xcap.XcapOutcome;
import io.gridpbx.core.presence.xcap.XcapPrecondition;
import io.gridpbx.core.presence.xcap.XcapUri;
import io.gridpbx.core.presence.xcap.XcapUriException;
import io.gridpbx.core.store.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The XCAP root, {@code /xcap}: GET, PUT and DELETE of a user's whole resource-lists and rls-services
 * documents (RFC 4825 section 8), with {@code ETag}, {@code If-Match} and {@code If-None-Match}. The URI is read
 * first (404, 400, 501 for a node selector: nothing about any document), then the sender is authenticated (401
 * with a Digest and a Basic challenge, {@link XcapAuthentication}), then core's {@link XcapDocuments} decides.
 * Not under {@code /api}: no bearer token, the user's SIP credentials are the check. Plain HTTP on the node's
 * port: front it with TLS in production, since Basic sends the password in clear.
 */
@RestController
class XcapController {

    private static final String PLAIN = "text/plain; charset=UTF-8";

    private final XcapDocuments documents;
    private final XcapAuthentication authentication;

    XcapController(XcapDocuments documents, XcapAuthentication authentication) {
        this.documents = documents;
        this.authentication = authentication;
    }

    @RequestMapping(path = XcapUri.ROOT + "/**", method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.DELETE})
    ResponseEntity<byte[]> handle(HttpServletRequest request) throws IOException {
        // The request line's path as sent, not decoded: XcapUri decodes each segment itself, so an encoded
        // "/" (%2F) stays inside its segment instead of making a new one.
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        XcapUri uri;
        try {
            uri = XcapUri.parse(rawPath);
        } catch (XcapUriException refused) {
            return plain(refused.status(), refused.reason());
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        XcapAuthentication.Result who = authentication.authenticate(request.getMethod(), target,
                request.getHeader(HttpHeaders.AUTHORIZATION), uri.owner().domain());
        if (who instanceof XcapAuthentication.Result.Challenge challenge) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge.wwwAuthenticate().toArray(String[]::new))
                    .header(HttpHeaders.CONTENT_TYPE, PLAIN)
                    .body("credentials required\n".getBytes(StandardCharsets.UTF_8));
        }
        AddressOfRecord user = ((XcapAuthentication.Result.Authenticated) who).user();
        XcapPrecondition precondition = XcapPrecondition.of(request.getHeader(HttpHeaders.IF_MATCH),
                request.getHeader(HttpHeaders.IF_NONE_MATCH));
        try {
            return answer(switch (request.getMethod()) {
                case "PUT" -> documents.put(user, uri, request.getContentType(), body(request), precondition);
                case "DELETE" -> documents.delete(user, uri, precondition);
                default -> documents.get(user, uri, precondition);
            });
        } catch (StoreUnavailableException gridAway) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .header(HttpHeaders.CONTENT_TYPE, PLAIN)
                    .body("the documents cannot be reached now\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** At most one byte past the limit: enough for the service to answer 413, never a whole oversize body in memory. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(XcapDocuments.MAX_BYTES + 1);
        }
    }

    private static ResponseEntity<byte[]> answer(XcapOutcome outcome) {
        return switch (outcome) {
            case XcapOutcome.Found found -> ResponseEntity.ok()
                    .eTag(quoted(found.document().etag()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .contentType(MediaType.parseMediaType(found.document().auid().contentType()))
                    .body(found.document().bytes());
            case XcapOutcome.NotModified notModified -> ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(quoted(notModified.etag())).build();
            case XcapOutcome.Stored stored -> ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .eTag(quoted(stored.etag())).build();
            case XcapOutcome.Deleted ignored -> ResponseEntity.ok().build();
            case XcapOutcome.Refused refused -> ResponseEntity.status(refused.status())
                    .header(HttpHeaders.CONTENT_TYPE, refused.contentType()).body(refused.body());
        };
    }

    private static ResponseEntity<byte[]> plain(int status, String reason) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, PLAIN)
                .body((reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
