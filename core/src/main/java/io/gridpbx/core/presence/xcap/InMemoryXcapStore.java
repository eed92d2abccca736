package io.gridpbx.core.presence.xcap;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** XCAP documents of one node without a grid (tests, a node alone), under the same rule as the grid's store. */
public final class InMemoryXcapStore implements XcapStore {

    private final Map<XcapUri, XcapDocument> documents = new ConcurrentHashMap<>();

    @Override
    public Optional<XcapDocument> find(XcapUri uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    @Override
    public Outcome put(XcapDocument document, XcapPrecondition precondition) {
        Outcome[] outcome = new Outcome[1];
        documents.compute(document.uri(), (uri, current) -> {
            outcome[0] = XcapStore.decide(current == null ? null : current.etag(), true, precondition);
            return outcome[0] == Outcome.PRECONDITION_FAILED ? current : document;
        });
        return outcome[0];
    }

    @Override
    public Outcome delete(XcapUri uri, XcapPrecondition precondition) {
        Outcome[] outcome = new Outcome[1];
        documents.compute(uri, (key, current) -> {
            outcome[0] = XcapStore.decide(current == null ? null : current.etag(), false, precondition);
            return outcome[0] == Outcome.DELETED ? null : current;
        });
        return outcome[0];
    }
}
