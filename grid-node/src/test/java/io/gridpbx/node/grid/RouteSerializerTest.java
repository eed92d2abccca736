package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.test.Accessors;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.trunking.OutboundRoute;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Outbound routes cross the grid with their weights, and routes written before weights stay ordered. */
@Timeout(120)
class RouteSerializerTest {

    private static final OutboundRoute ORDERED = new OutboundRoute("rt-1", "gridpbx.test", "Montreal",
            "\\+?1514[0-9]{7}", 10, List.of("gw-b", "gw-a"));
    private static final OutboundRoute WEIGHTED = new OutboundRoute("rt-2", "gridpbx.test", "International",
            "(\\+|011)[2-9][0-9]{6,14}", 90, List.of("gw-a", "gw-b", "gw-c"), List.of(70, 29, 1));

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);

    @AfterEach
    void shutdown() {
        factory.shutdownAll();
    }

    @Test
    void orderedAndWeightedRoutesComeBackEqual() {
        SerializationService serialization = Accessors.getSerializationService(factory.newHazelcastInstance(
                config(new TrunkingSerializers.RouteSerializer())));

        assertThat((OutboundRoute) serialization.toObject(serialization.toData(ORDERED))).isEqualTo(ORDERED);
        assertThat((OutboundRoute) serialization.toObject(serialization.toData(WEIGHTED))).isEqualTo(WEIGHTED);
    }

    @Test
    void aRouteWrittenByAMemberThatKnowsNoWeights_isReadAsOrdered() {
        HazelcastInstance before = factory.newHazelcastInstance(config(new RouteWithoutWeightsSerializer()));
        HazelcastInstance now = factory.newHazelcastInstance(config(new TrunkingSerializers.RouteSerializer()));
        assertClusterSizeEventually(2, before, now);

        before.getMap("routes").put(ORDERED.id(), ORDERED);

        assertThat(now.getMap("routes").get(ORDERED.id())).isEqualTo(ORDERED);
    }

    private static Config config(CompactSerializer<OutboundRoute> routes) {
        Config config = new Config().setClusterName("route-serializer-test");
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(routes);
        return config;
    }

    /** The route serializer as it was before weights: the same type name, no {@code weights} field. */
    private static final class RouteWithoutWeightsSerializer implements CompactSerializer<OutboundRoute> {
        @Override
        public OutboundRoute read(CompactReader in) {
            throw new UnsupportedOperationException("this member only writes");
        }

        @Override
        public void write(CompactWriter out, OutboundRoute r) {
            out.writeString("id", r.id());
            out.writeString("ownerRealm", r.ownerRealm());
            out.writeString("name", r.name());
            out.writeString("pattern", r.pattern());
            out.writeInt32("priority", r.priority());
            out.writeArrayOfString("gatewayIds", r.gatewayIds().toArray(String[]::new));
        }

        @Override
        public String getTypeName() {
            return "gridpbx.OutboundRoute";
        }

        @Override
        public Class<OutboundRoute> getCompactClass() {
            return OutboundRoute.class;
        }
    }
}
