package io.gridpbx.core.presence.xcap;

import org.jspecify.annotations.Nullable;

/** What an XCAP request comes to, for the HTTP edge to answer (RFC 4825 section 8). */
public sealed interface XcapOutcome {

    /** 200 with the document, its MIME type and its ETag. */
    record Found(XcapDocument document) implements XcapOutcome {
    }

    /** 304: the client's copy, named by {@code If-None-Match}, is the current one. */
    record NotModified(String etag) implements XcapOutcome {
    }

    /** 201 (created) or 200 (replaced), with the new ETag. */
    record Stored(String etag, boolean created) implements XcapOutcome {
    }

    /** 200: the document is gone. */
    record Deleted() implements XcapOutcome {
    }

    /**
     * Any refusal: 403, 404, 409, 412, 413, 415, 503.
     *
     * @param error for a 409, the condition its {@code <xcap-error>} body names; null otherwise
     */
    record Refused(int status, String reason, @Nullable XcapError error) implements XcapOutcome {

        public Refused(int status, String reason) {
            this(status, reason, null);
        }

        /** The body to send: the {@code <xcap-error>} document of a 409, else the reason as plain text. */
        public byte[] body() {
            return error != null ? error.toXml(reason)
                    : (reason + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        public String contentType() {
            return error != null ? XcapError.CONTENT_TYPE : "text/plain; charset=UTF-8";
        }
    }
}
