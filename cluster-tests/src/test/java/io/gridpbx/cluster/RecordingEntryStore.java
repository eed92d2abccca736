package io.gridpbx.cluster;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import com.hazelcast.map.EntryStore;
import io.gridpbx.core.location.BindingSet;

/** {@link RecordingMapStore} in the shape of the registrations' EntryStore. */
final class RecordingEntryStore extends RecordingMapStore<MetadataAwareValue<BindingSet>>
        implements EntryStore<String, BindingSet> {
}
