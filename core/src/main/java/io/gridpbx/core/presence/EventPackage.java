package io.gridpbx.core.presence;

import java.util.Optional;

/**
 * The event packages this presence server serves (RFC 6665 section 7.2), each with the body type
 * its NOTIFYs carry. A SUBSCRIBE for any other package is answered 489 Bad Event (section 4.2.1.1).
 */
public enum EventPackage {
    /** RFC 3856: the presentity's PIDF document. */
    PRESENCE("presence", "application/pidf+xml"),
    /** RFC 4235: the user's dialogs, what busy-lamp keys and directed pickup read. */
    DIALOG("dialog", "application/dialog-info+xml"),
    /** RFC 3842: message waiting, fed by the user's voicemail mailbox. */
    MESSAGE_SUMMARY("message-summary", "application/simple-message-summary"),
    /** RFC 3857: who watches the user's presence (template package of {@link #PRESENCE}). */
    PRESENCE_WINFO("presence.winfo", "application/watcherinfo+xml");

    private final String token;
    private final String contentType;

    EventPackage(String token, String contentType) {
        this.token = token;
        this.contentType = contentType;
    }

    /** The package's name in the Event header. */
    public String token() {
        return token;
    }

    public String contentType() {
        return contentType;
    }

    /** The package named {@code token} (case-insensitive, as event-type tokens compare, section 8.2.1). */
    public static Optional<EventPackage> byToken(String token) {
        for (EventPackage event : values()) {
            if (event.token.equalsIgnoreCase(token)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** The packages' names, for the Allow-Events header (section 8.2.2). */
    public static String allowEvents() {
        StringBuilder out = new StringBuilder();
        for (EventPackage event : values()) {
            out.append(out.isEmpty() ? "" : ", ").append(event.token);
        }
        return out.toString();
    }
}
