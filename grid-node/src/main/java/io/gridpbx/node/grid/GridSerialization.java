package io.gridpbx.node.grid;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import java.util.List;
import java.util.stream.Stream;

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
        Stream.of(TenantSerializers.all(), TrunkingSerializers.all(), AccessSerializers.all(),
                LocationSerializers.all(), CallSerializers.all(), BillingSerializers.all(), VoicemailSerializers.all(), SecuritySerializers.all(),
                AuthSerializers.all(), ProvisioningSerializers.all(), io.gridpbx.node.dns.DnsSerializers.all(),
                io.gridpbx.node.alerts.AlertSerializers.all(), io.gridpbx.node.media.MediaSerializers.all(),
                LimitSerializers.all(), PresenceSerializers.all(), XcapSerializers.all())
                .flatMap(List::stream).forEach(compact::addSerializer);
        config.addDataSerializableFactory(GridDataSerializers.FACTORY_ID, new GridDataSerializers());
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
        filter.getBlacklist().addPrefixes("io.gridpbx.");
        config.setJavaSerializationFilterConfig(filter);
    }
}
