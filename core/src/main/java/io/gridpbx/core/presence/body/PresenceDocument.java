package io.gridpbx.core.presence.body;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A presentity's presence as PIDF (RFC 3863, {@code application/pidf+xml}), reduced to what a PBX
 * publishes and lamps show: one tuple's basic status (§4.1.4), its contact (§4.1.5), a note (§4.1.6)
 * and the RPID activities of the person (RFC 4480 §3.2), e.g. {@code on-the-phone} or {@code away}.
 *
 * @param entity     the presentity's URI, the {@code entity} attribute of {@code presence}
 * @param open       the basic status: open (reachable) or closed
 * @param activities local names of the RPID activity elements, without duplicates, in document order
 */
public record PresenceDocument(String entity, boolean open, @Nullable String note, List<String> activities,
        @Nullable String contact) {

    public static final String CONTENT_TYPE = "application/pidf+xml";
    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";

    private static final String KIND = "PIDF";
    /** Activities are written as element names, so each must be an XML name (without a colon). */
    private static final Pattern ACTIVITY = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}._-]*");

    public PresenceDocument {
        Objects.requireNonNull(entity, "entity");
        if (entity.isBlank()) {
            throw new IllegalArgumentException("a presence document names its presentity");
        }
        activities = List.copyOf(new LinkedHashSet<>(activities));
        for (String activity : activities) {
            if (!ACTIVITY.matcher(activity).matches()) {
                throw new IllegalArgumentException("an RPID activity is an element name, not \"" + activity + "\"");
            }
        }
    }

    public static PresenceDocument open(String entity) {
        return new PresenceDocument(entity, true, null, List.of(), null);
    }

    public static PresenceDocument closed(String entity) {
        return new PresenceDocument(entity, false, null, List.of(), null);
    }

    /** The same presence with these RPID activities instead of its own. */
    public PresenceDocument withActivities(List<String> activities) {
        return new PresenceDocument(entity, open, note, activities, contact);
    }

    /** A PUBLISH body of at most 64 KiB; see {@link #parse(byte[], int)}. */
    public static PresenceDocument parse(byte[] xml) throws BodyException {
        return parse(xml, SafeXml.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a PIDF document: the first tuple's basic status, which must be open or closed, its contact,
     * the first note (the tuple's, else the presence's, else a data-model person's, RFC 4479 §3.5) and
     * the activities of every {@code rpid:activities} element, wherever it sits (RFC 4480 puts it in
     * a {@code dm:person}; older clients put it in the tuple or under {@code presence}).
     */
    public static PresenceDocument parse(byte[] xml, int maxBytes) throws BodyException {
        XmlElement presence = SafeXml.parse(xml, maxBytes, KIND, PIDF, "presence");
        String entity = presence.attribute("entity");
        if (entity == null) {
            throw BodyException.malformed(KIND, "no entity");
        }
        XmlElement tuple = presence.child(PIDF, "tuple");
        if (tuple == null) {
            throw BodyException.malformed(KIND, "no tuple");
        }
        XmlElement status = tuple.child(PIDF, "status");
        String basic = status == null ? null : status.childText(PIDF, "basic");
        if (basic == null) {
            throw BodyException.malformed(KIND, "no basic status");
        }
        if (!basic.equals("open") && !basic.equals("closed")) {
            throw BodyException.malformed(KIND, "basic status is neither open nor closed");
        }
        String note = tuple.childText(PIDF, "note");
        if (note == null) {
            note = presence.childText(PIDF, "note");
        }
        if (note == null) {
            for (XmlElement person : presence.children(DATA_MODEL, "person")) {
                note = person.childText(DATA_MODEL, "note");
                if (note != null) {
                    break;
                }
            }
        }
        Set<String> activities = new LinkedHashSet<>();
        for (XmlElement list : presence.descendants(RPID, "activities")) {
            for (XmlElement activity : list.children()) {
                // Activities of other namespaces are extensions we do not know (RFC 4480 §3.2).
                if (activity.namespace().equals(RPID) && ACTIVITY.matcher(activity.name()).matches()) {
                    activities.add(activity.name());
                }
            }
        }
        return new PresenceDocument(entity, basic.equals("open"), note, new ArrayList<>(activities),
                tuple.childText(PIDF, "contact"));
    }

    /** One tuple {@code t1}, and a person {@code p1} carrying the activities when there are any. */
    public byte[] toXml() {
        XmlWriter xml = new XmlWriter()
                .open("presence", "xmlns", PIDF, "xmlns:dm", DATA_MODEL, "xmlns:rpid", RPID, "entity", entity)
                .open("tuple", "id", "t1")
                .open("status").text("basic", open ? "open" : "closed").close("status")
                .text("contact", contact)
                .text("note", note)
                .close("tuple");
        if (!activities.isEmpty()) {
            xml.open("dm:person", "id", "p1").open("rpid:activities");
            activities.forEach(activity -> xml.empty("rpid:" + activity));
            xml.close("rpid:activities").close("dm:person");
        }
        return xml.close("presence").bytes();
    }
}
