package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.presence.xcap.XcapDocument;
import io.gridpbx.core.presence.xcap.XcapPrecondition;
import io.gridpbx.core.presence.xcap.XcapStore;
import io.gridpbx.core.presence.xcap.XcapUri;
import java.util.Optional;

/**
 * XCAP documents in {@code presence.xcap}, keyed {@code auid|user@domain|name} ({@link XcapUri#key()}), written
 * behind to the database. Every write is an entry processor on the key's owner ({@link XcapProcessors}), so the
 * entity-tag check and the change happen in one step whichever node took the request. An HTTP thread waits for
 * the grid at most the deadline, then gets {@link io.gridpbx.core.store.StoreUnavailableException} (503).
 */
public final class HazelcastXcapStore implements XcapStore {

    private final IMap<String, XcapDocument> documents;
    private final GridDeadline deadline;

    public HazelcastXcapStore(HazelcastInstance grid, GridDeadline deadline) {
        this.documents = grid.getMap(MapNames.PRESENCE_XCAP);
        this.deadline = deadline;
    }

    @Override
    public Optional<XcapDocument> find(XcapUri uri) {
        String key = uri.key();
        return Optional.ofNullable(deadline.await(documents.getAsync(key), "xcap get", key));
    }

    @Override
    public Outcome put(XcapDocument document, XcapPrecondition precondition) {
        return write(document.uri(), new XcapProcessors.Write(document, precondition), "xcap put");
    }

    @Override
    public Outcome delete(XcapUri uri, XcapPrecondition precondition) {
        return write(uri, new XcapProcessors.Write(null, precondition), "xcap delete");
    }

    private Outcome write(XcapUri uri, XcapProcessors.Write processor, String operation) {
        String key = uri.key();
        return Outcome.valueOf(deadline.await(documents.submitToKey(key, processor), operation, key));
    }
}
