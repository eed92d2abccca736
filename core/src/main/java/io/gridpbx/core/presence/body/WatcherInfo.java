package io.gridpbx.core.presence.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Watcher information (RFC 3858, {@code application/watcherinfo+xml}) for one resource's presence:
 * who subscribes to it, sent to the presentity that subscribed to {@code presence.winfo} (RFC 3857)
 * so it can approve or reject them.
 *
 * @param resource the watched presentity's URI
 * @param version  increases by one with each NOTIFY of a subscription (RFC 3858 §4.2), from 0
 * @param full     a full state document, or a partial one carrying only the watchers that changed
 */
public record WatcherInfo(String resource, long version, boolean full, List<Watcher> watchers) {

    public static final String CONTENT_TYPE = "application/watcherinfo+xml";
    static final String NAMESPACE = "urn:ietf:params:xml:ns:watcherinfo";

    private static final String KIND = "watcherinfo";

    /**
     * One watcher of a resource (RFC 3857 §5.2, RFC 3858 §4): a subscriber, where its subscription
     * stands and the event that brought it there.
     *
     * @param id     stable for the subscription, unique in the watcher list
     * @param uri    the watcher's URI, the element's content
     * @param status pending, active, waiting or terminated (RFC 3857 §5.2.1)
     * @param event  what caused the status: subscribe, approved, deactivated, probation, rejected,
     *               timeout, giveup or noresource (RFC 3857 §5.2.2)
     */
    public record Watcher(String id, String uri, String status, String event, @Nullable String displayName) {

        static final Set<String> STATUSES = Set.of("pending", "active", "waiting", "terminated");
        static final Set<String> EVENTS = Set.of("subscribe", "approved", "deactivated", "probation", "rejected",
                "timeout", "giveup", "noresource");

        public Watcher {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(event, "event");
            if (id.isBlank() || uri.isBlank()) {
                throw new IllegalArgumentException("a watcher has an id and a URI");
            }
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("a watcher's status is one of " + STATUSES + ", not " + status);
            }
            if (!EVENTS.contains(event)) {
                throw new IllegalArgumentException("a watcher's event is one of " + EVENTS + ", not " + event);
            }
        }
    }

    public WatcherInfo {
        Objects.requireNonNull(resource, "resource");
        if (resource.isBlank()) {
            throw new IllegalArgumentException("watcher information names its resource");
        }
        if (version < 0) {
            throw new IllegalArgumentException("a version is zero or more, not " + version);
        }
        watchers = List.copyOf(watchers);
    }

    /** One {@code watcher-list} of package {@code presence}. */
    public byte[] toXml() {
        XmlWriter xml = new XmlWriter()
                .open("watcherinfo", "xmlns", NAMESPACE, "version", Long.toString(version), "state",
                        full ? "full" : "partial")
                .open("watcher-list", "resource", resource, "package", "presence");
        for (Watcher watcher : watchers) {
            xml.text("watcher", watcher.uri(), "id", watcher.id(), "status", watcher.status(), "event",
                    watcher.event(), "display-name", watcher.displayName());
        }
        return xml.close("watcher-list").close("watcherinfo").bytes();
    }

    public static WatcherInfo parse(byte[] xml) throws BodyException {
        return parse(xml, SafeXml.DEFAULT_MAX_BYTES);
    }

    /** Reads the first watcher list, which must be of package {@code presence}. */
    public static WatcherInfo parse(byte[] xml, int maxBytes) throws BodyException {
        XmlElement root = SafeXml.parse(xml, maxBytes, KIND, NAMESPACE, "watcherinfo");
        long version = Numbers.unsigned(root.attribute("version"), KIND, "version");
        String state = root.attribute("state");
        if (!"full".equals(state) && !"partial".equals(state)) {
            throw BodyException.malformed(KIND, "state is neither full nor partial");
        }
        XmlElement list = root.child(NAMESPACE, "watcher-list");
        if (list == null) {
            throw BodyException.malformed(KIND, "no watcher-list");
        }
        String resource = list.attribute("resource");
        if (resource == null || !"presence".equals(list.attribute("package"))) {
            throw BodyException.malformed(KIND, "watcher-list without resource or not of presence");
        }
        List<Watcher> watchers = new ArrayList<>();
        for (XmlElement watcher : list.children(NAMESPACE, "watcher")) {
            String id = watcher.attribute("id");
            String uri = watcher.strippedText();
            String status = watcher.attribute("status");
            String event = watcher.attribute("event");
            if (id == null || uri == null || status == null || event == null || !Watcher.STATUSES.contains(status)
                    || !Watcher.EVENTS.contains(event)) {
                throw BodyException.malformed(KIND, "watcher without id, URI, status or event");
            }
            watchers.add(new Watcher(id, uri, status, event, watcher.attribute("display-name")));
        }
        return new WatcherInfo(resource, version, state.equals("full"), watchers);
    }
}
