package io.gridpbx.core.dialog;

/** A dialog's identity, RFC 3261 section 12: Call-ID and the tags of both ends. */
public record DialogId(String callId, String fromTag, String toTag) {

    /** The grid key: Call-ID first so that all dialogs of one call sort together. */
    public String key() {
        return callId + ";" + fromTag + ";" + toTag;
    }
}
