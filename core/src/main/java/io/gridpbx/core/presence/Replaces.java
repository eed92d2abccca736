package io.gridpbx.core.presence;

import java.util.Locale;

/**
 * A Replaces header (RFC 3891 section 6.1): the dialog an INVITE replaces, by its Call-ID and tags,
 * and whether it may only be an early one.
 *
 * @param toTag     the tag of the dialog at the UA the INVITE goes to
 * @param fromTag   the tag of the dialog at the other end
 * @param earlyOnly the {@code early-only} flag
 */
public record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {

    /**
     * Reads a header value: {@code callid *(SEMI (to-tag / from-tag / early-only / generic-param))}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Replaces parse(String value) {
        String[] parts = value.split(";");
        String callId = parts[0].strip();
        if (callId.isEmpty() || callId.length() > 256 || callId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Bad Replaces Call-ID");
        }
        String toTag = null;
        String fromTag = null;
        boolean earlyOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int equals = param.indexOf('=');
            String name = (equals < 0 ? param : param.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            String given = equals < 0 ? "" : param.substring(equals + 1).strip();
            switch (name) {
                case "to-tag" -> toTag = given;
                case "from-tag" -> fromTag = given;
                case "early-only" -> earlyOnly = true;
                default -> {
                    // generic parameters do not identify the dialog
                }
            }
        }
        if (toTag == null || fromTag == null || toTag.isEmpty() || fromTag.isEmpty()) {
            throw new IllegalArgumentException("Replaces Needs to-tag And from-tag");
        }
        return new Replaces(callId, toTag, fromTag, earlyOnly);
    }

    /** Whether these are the two tags of a dialog, in either order (phones disagree on which end is which). */
    boolean names(String callIdOfDialog, String tagA, String tagB) {
        return callId.equals(callIdOfDialog)
                && (toTag.equals(tagA) && fromTag.equals(tagB) || toTag.equals(tagB) && fromTag.equals(tagA));
    }
}
