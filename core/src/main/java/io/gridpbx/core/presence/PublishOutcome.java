package io.gridpbx.core.presence;

/** What a PUBLISH gets (RFC 3903 section 6). */
public sealed interface PublishOutcome {

    /** 200 with SIP-ETag and Expires. */
    record Published(String etag, int seconds) implements PublishOutcome {
    }

    /** 200 to a removal (Expires: 0). */
    record Removed() implements PublishOutcome {
    }

    /** 423 Interval Too Brief with Min-Expires. */
    record TooBrief(int minSeconds) implements PublishOutcome {
    }

    /** Any other refusal: 400 (a refresh with a body, a first publication without one), 412 (unknown entity tag). */
    record Refused(int status, String reason) implements PublishOutcome {
    }
}
