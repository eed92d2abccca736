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
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gateways cross the grid with their registration settings, registration states with every field, and a
 * gateway written by a member that knows no registrations reads as one that registers nowhere.
 */
@Timeout(120)
class GatewaySerializerTest {

    private static final Gateway REGISTERING = new Gateway("gw-r", "Registering", "sip.carrier.test", 5060,
            Gateway.Transport.TLS, "acct", "secret", 1, "99", true, true, 1800);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);

    @AfterEach
    void shutdown() {
        factory.shutdownAll();
    }

    @Test
    void aRegisteringGatewayAndARegistrationState_comeBackEqual() {
        SerializationService serialization = Accessors.getSerializationService(factory.newHazelcastInstance(
                config(new TrunkingSerializers.GatewaySerializer())));
        GatewayRegistration state = new GatewayRegistration("gw-r", GatewayRegistration.State.FAILED, "nodeB", 403,
                1_800_000_000_000L, 1_799_999_999_000L);

        assertThat((Gateway) serialization.toObject(serialization.toData(REGISTERING))).isEqualTo(REGISTERING);
        assertThat((GatewayRegistration) serialization.toObject(serialization.toData(state))).isEqualTo(state);
    }

    @Test
    void aGatewayWrittenByAMemberThatKnowsNoRegistrations_registersNowhere() {
        HazelcastInstance before = factory.newHazelcastInstance(config(new GatewayWithoutRegistrationSerializer()));
        HazelcastInstance now = factory.newHazelcastInstance(config(new TrunkingSerializers.GatewaySerializer()));
        assertClusterSizeEventually(2, before, now);

        before.getMap("gateways").put(REGISTERING.id(), REGISTERING);

        Gateway read = (Gateway) now.getMap("gateways").get(REGISTERING.id());
        assertThat(read.register()).isFalse();
        assertThat(read.registerExpires()).isEqualTo(Gateway.DEFAULT_REGISTER_EXPIRES);
        assertThat(read.username()).isEqualTo("acct");
    }

    private static Config config(CompactSerializer<Gateway> gateways) {
        Config config = new Config().setClusterName("gateway-serializer-test");
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(gateways)
                .addSerializer(new TrunkingSerializers.GatewayRegistrationSerializer());
        return config;
    }

    /** The gateway serializer as it was before registrations: the same type name, no register fields. */
    private static final class GatewayWithoutRegistrationSerializer implements CompactSerializer<Gateway> {
        @Override
        public Gateway read(CompactReader in) {
            throw new UnsupportedOperationException("this member only writes");
        }

        @Override
        public void write(CompactWriter out, Gateway g) {
            out.writeString("id", g.id());
            out.writeString("name", g.name());
            out.writeString("host", g.host());
            out.writeInt32("port", g.port());
            out.writeString("transport", g.transport().name());
            out.writeString("username", g.username());
            out.writeString("password", g.password());
            out.writeInt32("stripDigits", g.stripDigits());
            out.writeString("addPrefix", g.addPrefix());
            out.writeBoolean("probing", g.probing());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Gateway";
        }

        @Override
        public Class<Gateway> getCompactClass() {
            return Gateway.class;
        }
    }
}
