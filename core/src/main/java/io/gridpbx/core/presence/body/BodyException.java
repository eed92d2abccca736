package io.gridpbx.core.presence.body;

import java.io.Serial;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A message body refused, with the SIP status to answer with (400, 413 or 415, RFC 3261 §21.4) and a
 * short reason phrase fit for the status line: control characters are blanked and the phrase is
 * capped, since parts of it (a URI, say) may come from the body itself.
 */
public final class BodyException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Set<Integer> STATUSES = Set.of(400, 413, 415);
    private static final int MAX_REASON = 120;

    /**
     * What was wrong with a refused body: SIP answers them all by status alone, XCAP (RFC 4825 section 11)
     * names each in its error document.
     */
    public enum Flaw {
        /** Not XML at all, or XML the parser could not read to its end. */
        NOT_WELL_FORMED,
        /** Carries a DOCTYPE, refused before any entity could be expanded. */
        DOCTYPE,
        /** Well-formed, but not the document its type describes. */
        INVALID,
        TOO_LARGE,
        UNSUPPORTED
    }

    private final int status;
    private final String reason;
    private final Flaw flaw;

    public BodyException(int status, String reason) {
        this(status, reason, null);
    }

    public BodyException(int status, String reason, @Nullable Throwable cause) {
        this(status, reason, cause, switch (status) {
            case 413 -> Flaw.TOO_LARGE;
            case 415 -> Flaw.UNSUPPORTED;
            default -> Flaw.INVALID;
        });
    }

    private BodyException(int status, String reason, @Nullable Throwable cause, Flaw flaw) {
        super(status + " " + phrase(reason), cause);
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("a refused body is answered 400, 413 or 415, not " + status);
        }
        this.status = status;
        this.reason = phrase(reason);
        this.flaw = flaw;
    }

    /** 413: the body is over the size the caller accepts. */
    public static BodyException tooLarge() {
        return new BodyException(413, "Body Too Large");
    }

    /** 415: a body of a type this package does not read. */
    public static BodyException unsupported() {
        return new BodyException(415, "Unsupported Media Type");
    }

    /** 400: the parser failed, on a DOCTYPE ({@code doctype}) or on anything that is not well-formed XML. */
    static BodyException notWellFormed(String kind, boolean doctype, Throwable cause) {
        return new BodyException(400, "Malformed " + kind + ": " + (doctype ? "DOCTYPE not allowed" : "not well-formed XML"),
                cause, doctype ? Flaw.DOCTYPE : Flaw.NOT_WELL_FORMED);
    }

    static BodyException malformed(String kind, String what) {
        return new BodyException(400, "Malformed " + kind + ": " + what);
    }

    public Flaw flaw() {
        return flaw;
    }

    public int status() {
        return status;
    }

    /** The reason phrase for the status line, e.g. {@code Malformed PIDF: no tuple}. */
    public String reason() {
        return reason;
    }

    private static String phrase(String reason) {
        StringBuilder out = new StringBuilder(Math.min(reason.length(), MAX_REASON));
        reason.codePoints().limit(MAX_REASON).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String phrase = out.toString().strip();
        return phrase.isEmpty() ? "Bad Request" : phrase;
    }
}
