package io.gridpbx.core.dialog;

/**
 * A dialog's identity, RFC 3261 section 12: Call-ID and the tags of both ends. Either end may send
 * an in-dialog request (the callee's BYE names the tags the other way round), so {@link #key()}
 * does not depend on which tag is local.
 */
public record DialogId(String callId, String fromTag, String toTag) {

    /** The same key whichever end the request came from: Call-ID, then the two tags in sorted order. */
    public String key() {
        return fromTag.compareTo(toTag) <= 0
                ? callId + ";" + fromTag + ";" + toTag
                : callId + ";" + toTag + ";" + fromTag;
    }
}
