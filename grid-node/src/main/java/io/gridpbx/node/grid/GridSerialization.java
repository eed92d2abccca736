package io.gridpbx.node.grid;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;

/**
 * Registers how GridPBX objects cross the wire: Compact for the model records (field names make
 * rolling upgrades possible), IdentifiedDataSerializable for entry processors. Java serialization
 * of GridPBX classes is refused by the filter, so a missing serializer fails loudly in tests.
 */
public final class GridSerialization {

    private GridSerialization() {
    }

    public static void register(SerializationConfig config) {
        CompactSerializationConfig compact = config.getCompactSerializationConfig();
        for (CompactSerializer<?> serializer : TenantSerializers.all()) {
            compact.addSerializer(serializer);
        }
        for (CompactSerializer<?> serializer : TrunkingSerializers.all()) {
            compact.addSerializer(serializer);
        }
        for (CompactSerializer<?> serializer : AccessSerializers.all()) {
            compact.addSerializer(serializer);
        }
        for (CompactSerializer<?> serializer : LocationSerializers.all()) {
            compact.addSerializer(serializer);
        }
        config.addDataSerializableFactory(GridDataSerializers.FACTORY_ID, new GridDataSerializers());
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
        filter.getBlacklist().addPrefixes("io.gridpbx.");
        config.setJavaSerializationFilterConfig(filter);
    }
}
