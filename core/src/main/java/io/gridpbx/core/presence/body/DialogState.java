package io.gridpbx.core.presence.body;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code dialog} element of a dialog-info document (RFC 4235 §4.1): which call, which way, in
 * what state, and who is at each end, as a busy lamp shows it and a directed pickup needs it (the
 * call-id and tags go into the pickup's Replaces header, RFC 3891).
 *
 * @param id       the element's id, unique in the document and stable for the dialog (§4.1.1)
 * @param callId   the dialog's Call-ID; empty when the notifier gave none (the attribute is optional)
 * @param localTag the tag of the monitored user's side
 */
public record DialogState(String id, String callId, @Nullable String localTag, @Nullable String remoteTag,
        Direction direction, State state, @Nullable String localIdentity, @Nullable String localTarget,
        @Nullable String remoteIdentity, @Nullable String remoteTarget) {

    /** Whether the monitored user sent the INVITE (initiator) or received it (§4.1.1). */
    public enum Direction {
        INITIATOR, RECIPIENT;

        public String xmlValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The dialog's state machine of §3.7.1. */
    public enum State {
        TRYING, PROCEEDING, EARLY, CONFIRMED, TERMINATED;

        public String xmlValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DialogState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a dialog element has an id");
        }
    }

    void write(XmlWriter xml) {
        xml.open("dialog", "id", id, "call-id", callId.isEmpty() ? null : callId, "local-tag", localTag,
                        "remote-tag", remoteTag, "direction", direction.xmlValue())
                .text("state", state.xmlValue());
        party(xml, "local", localIdentity, localTarget);
        party(xml, "remote", remoteIdentity, remoteTarget);
        xml.close("dialog");
    }

    static DialogState read(XmlElement dialog, String kind) throws BodyException {
        String id = dialog.attribute("id");
        if (id == null) {
            throw BodyException.malformed(kind, "dialog without id");
        }
        String direction = dialog.attribute("direction");
        if (direction == null) {
            throw BodyException.malformed(kind, "dialog without direction");
        }
        String state = dialog.childText(DialogInfo.NAMESPACE, "state");
        if (state == null) {
            throw BodyException.malformed(kind, "dialog without state");
        }
        XmlElement local = dialog.child(DialogInfo.NAMESPACE, "local");
        XmlElement remote = dialog.child(DialogInfo.NAMESPACE, "remote");
        String callId = dialog.attribute("call-id");
        return new DialogState(id, callId == null ? "" : callId, dialog.attribute("local-tag"),
                dialog.attribute("remote-tag"), value(Direction.class, direction, kind),
                value(State.class, state, kind), identity(local), target(local), identity(remote), target(remote));
    }

    private static void party(XmlWriter xml, String side, @Nullable String identity, @Nullable String target) {
        if (identity == null && target == null) {
            return;
        }
        xml.open(side).text("identity", identity);
        if (target != null) {
            xml.empty("target", "uri", target);
        }
        xml.close(side);
    }

    private static @Nullable String identity(@Nullable XmlElement party) {
        return party == null ? null : party.childText(DialogInfo.NAMESPACE, "identity");
    }

    private static @Nullable String target(@Nullable XmlElement party) {
        XmlElement target = party == null ? null : party.child(DialogInfo.NAMESPACE, "target");
        return target == null ? null : target.attribute("uri");
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String kind) throws BodyException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        throw BodyException.malformed(kind, "unknown dialog " + type.getSimpleName().toLowerCase(Locale.ROOT)
                + " " + text);
    }
}
