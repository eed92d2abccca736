package io.gridpbx.node.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies that are files (a logo, a recording), read with a bound. */
final class Bodies {

    private Bodies() {
    }

    /**
     * The body, or its first {@code max + 1} bytes: one byte past the limit is enough for the service
     * to refuse it with its reason, and a huge body is never held in memory.
     */
    static byte[] upTo(HttpServletRequest request, int max) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return body.readNBytes(max + 1);
        }
    }
}
