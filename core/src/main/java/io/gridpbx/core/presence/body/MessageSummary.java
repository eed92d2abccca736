package io.gridpbx.core.presence.body;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A message summary (RFC 3842 §5.2, {@code application/simple-message-summary}): whether messages
 * wait, for which account, and how many voice messages are new and old, what lights a phone's
 * voicemail lamp. Urgent counts are always written as {@code (0/0)} and not kept when read.
 *
 * @param account the Message-Account URI, or null to leave the header out
 */
public record MessageSummary(boolean waiting, @Nullable String account, int newMessages, int oldMessages) {

    public static final String CONTENT_TYPE = "application/simple-message-summary";

    private static final String KIND = "message-summary";
    private static final Pattern COUNTS =
            Pattern.compile("([0-9]{1,9})\\s*/\\s*([0-9]{1,9})(?:\\s*\\(\\s*[0-9]{1,9}\\s*/\\s*[0-9]{1,9}\\s*\\))?");

    public MessageSummary {
        if (newMessages < 0 || oldMessages < 0) {
            throw new IllegalArgumentException("message counts are zero or more, not " + newMessages + "/" + oldMessages);
        }
        if (account != null && (account.isBlank() || account.chars().anyMatch(Character::isISOControl))) {
            // It is written as a header line: a line break in it would forge the lines after it.
            throw new IllegalArgumentException("an account is a URI on one line");
        }
    }

    /** The summary a lamp shows for these counts: waiting when there is a new message. */
    public static MessageSummary of(@Nullable String account, int newMessages, int oldMessages) {
        return new MessageSummary(newMessages > 0, account, newMessages, oldMessages);
    }

    public byte[] toText() {
        StringBuilder text = new StringBuilder("Messages-Waiting: ").append(waiting ? "yes" : "no").append("\r\n");
        if (account != null) {
            text.append("Message-Account: ").append(account).append("\r\n");
        }
        text.append("Voice-Message: ").append(newMessages).append('/').append(oldMessages).append(" (0/0)\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** At most 64 KiB; see {@link #parse(byte[], int)}. */
    public static MessageSummary parse(byte[] text) throws BodyException {
        return parse(text, SafeXml.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a summary, tolerant of header case, spacing and bare line feeds; the message headers after
     * the first blank line (§5.2 {@code opt-msg-headers}) and other message classes are skipped. Without
     * a Voice-Message line both counts are zero; without Messages-Waiting it is refused.
     */
    public static MessageSummary parse(byte[] text, int maxBytes) throws BodyException {
        if (text.length > maxBytes) {
            throw BodyException.tooLarge();
        }
        Boolean waiting = null;
        String account = null;
        int newMessages = 0;
        int oldMessages = 0;
        boolean started = false;
        for (String line : new String(text, StandardCharsets.UTF_8).split("\r?\n|\r", -1)) {
            if (line.isBlank()) {
                if (started) {
                    break;
                }
                continue;
            }
            started = true;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw BodyException.malformed(KIND, "a line without a colon");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "messages-waiting" -> waiting = switch (value.toLowerCase(Locale.ROOT)) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw BodyException.malformed(KIND, "Messages-Waiting is neither yes nor no");
                };
                case "message-account" -> account = value.isEmpty() || value.chars().anyMatch(Character::isISOControl)
                        ? null : value;
                case "voice-message" -> {
                    Matcher counts = COUNTS.matcher(value);
                    if (!counts.matches()) {
                        throw BodyException.malformed(KIND, "Voice-Message is not new/old (urgent)");
                    }
                    newMessages = Integer.parseInt(counts.group(1));
                    oldMessages = Integer.parseInt(counts.group(2));
                }
                default -> {
                    // Fax-Message, Pager-Message... (RFC 3458 classes) do not light a voice lamp.
                }
            }
        }
        if (waiting == null) {
            throw BodyException.malformed(KIND, "no Messages-Waiting");
        }
        return new MessageSummary(waiting, account, newMessages, oldMessages);
    }
}
