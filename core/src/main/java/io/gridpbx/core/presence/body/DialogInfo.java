package io.gridpbx.core.presence.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dialog-info document (RFC 4235 §4, {@code application/dialog-info+xml}): the dialogs of one
 * monitored user, what BLF keys of Yealink, Polycom and Grandstream phones light up from and what a
 * directed pickup reads.
 *
 * @param version increases by one with each NOTIFY of a subscription (§4.1), starting at 0
 * @param full    a full state document, or a partial one carrying only the dialogs that changed
 */
public record DialogInfo(String entity, long version, boolean full, List<DialogState> dialogs) {

    public static final String CONTENT_TYPE = "application/dialog-info+xml";
    static final String NAMESPACE = "urn:ietf:params:xml:ns:dialog-info";

    private static final String KIND = "dialog-info";

    public DialogInfo {
        Objects.requireNonNull(entity, "entity");
        if (entity.isBlank()) {
            throw new IllegalArgumentException("a dialog-info document names its entity");
        }
        if (version < 0) {
            throw new IllegalArgumentException("a version is zero or more, not " + version);
        }
        dialogs = List.copyOf(dialogs);
    }

    public byte[] toXml() {
        XmlWriter xml = new XmlWriter().open("dialog-info", "xmlns", NAMESPACE, "version", Long.toString(version),
                "state", full ? "full" : "partial", "entity", entity);
        dialogs.forEach(dialog -> dialog.write(xml));
        return xml.close("dialog-info").bytes();
    }

    public static DialogInfo parse(byte[] xml) throws BodyException {
        return parse(xml, SafeXml.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a dialog-info document; a dialog without the {@code direction} attribute is refused, since
     * {@link DialogState} always has one.
     */
    public static DialogInfo parse(byte[] xml, int maxBytes) throws BodyException {
        XmlElement root = SafeXml.parse(xml, maxBytes, KIND, NAMESPACE, "dialog-info");
        String entity = root.attribute("entity");
        if (entity == null) {
            throw BodyException.malformed(KIND, "no entity");
        }
        long version = Numbers.unsigned(root.attribute("version"), KIND, "version");
        String state = root.attribute("state");
        if (!"full".equals(state) && !"partial".equals(state)) {
            throw BodyException.malformed(KIND, "state is neither full nor partial");
        }
        List<DialogState> dialogs = new ArrayList<>();
        for (XmlElement dialog : root.children(NAMESPACE, "dialog")) {
            dialogs.add(DialogState.read(dialog, KIND));
        }
        return new DialogInfo(entity, version, state.equals("full"), dialogs);
    }
}
