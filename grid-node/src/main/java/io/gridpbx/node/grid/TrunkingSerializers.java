package io.gridpbx.node.grid;

import static io.gridpbx.node.grid.TenantSerializers.optionalString;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayHealth;
import io.gridpbx.core.trunking.GatewayRegistration;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Compact serializers of the trunking records: gateways, outbound routes, DIDs, gateways' health and registrations. */
final class TrunkingSerializers {

    private TrunkingSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new GatewaySerializer(), new RouteSerializer(), new DidSerializer(), new ConfigObjectSerializer(),
                new GatewayHealthSerializer(), new GatewayRegistrationSerializer());
    }

    static final class GatewayHealthSerializer implements CompactSerializer<GatewayHealth> {
        @Override
        public GatewayHealth read(CompactReader in) {
            return new GatewayHealth(in.readString("gatewayId"), GatewayHealth.State.valueOf(in.readString("state")),
                    in.readInt32("streak"), in.readInt64("sinceMillis"), in.readInt32("lastStatus"));
        }

        @Override
        public void write(CompactWriter out, GatewayHealth h) {
            out.writeString("gatewayId", h.gatewayId());
            out.writeString("state", h.state().name());
            out.writeInt32("streak", h.streak());
            out.writeInt64("sinceMillis", h.sinceMillis());
            out.writeInt32("lastStatus", h.lastStatus());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.GatewayHealth";
        }

        @Override
        public Class<GatewayHealth> getCompactClass() {
            return GatewayHealth.class;
        }
    }

    static final class GatewayRegistrationSerializer implements CompactSerializer<GatewayRegistration> {
        @Override
        public GatewayRegistration read(CompactReader in) {
            return new GatewayRegistration(in.readString("gatewayId"),
                    GatewayRegistration.State.valueOf(in.readString("state")), in.readString("node"),
                    in.readInt32("lastStatus"), in.readInt64("untilMillis"), in.readInt64("atMillis"));
        }

        @Override
        public void write(CompactWriter out, GatewayRegistration r) {
            out.writeString("gatewayId", r.gatewayId());
            out.writeString("state", r.state().name());
            out.writeString("node", r.node());
            out.writeInt32("lastStatus", r.lastStatus());
            out.writeInt64("untilMillis", r.untilMillis());
            out.writeInt64("atMillis", r.atMillis());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.GatewayRegistration";
        }

        @Override
        public Class<GatewayRegistration> getCompactClass() {
            return GatewayRegistration.class;
        }
    }

    static final class GatewaySerializer implements CompactSerializer<Gateway> {
        @Override
        public Gateway read(CompactReader in) {
            return new Gateway(in.readString("id"), in.readString("name"), in.readString("host"), in.readInt32("port"),
                    Gateway.Transport.valueOf(in.readString("transport")), optionalString(in, "username"),
                    optionalString(in, "password"), in.readInt32("stripDigits"), optionalString(in, "addPrefix"),
                    in.readBoolean("probing"),
                    // Gateways written before registrations have no such fields: they register nowhere.
                    in.getFieldKind("register") == FieldKind.BOOLEAN && in.readBoolean("register"),
                    in.getFieldKind("registerExpires") == FieldKind.INT32 ? in.readInt32("registerExpires")
                            : Gateway.DEFAULT_REGISTER_EXPIRES);
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
            out.writeBoolean("register", g.register());
            out.writeInt32("registerExpires", g.registerExpires());
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

    static final class RouteSerializer implements CompactSerializer<OutboundRoute> {
        @Override
        public OutboundRoute read(CompactReader in) {
            String[] gateways = in.readArrayOfString("gatewayIds");
            // Routes written before weights existed have no such field: they try their gateways in order.
            int[] weights = in.getFieldKind("weights") == FieldKind.ARRAY_OF_INT32
                    ? in.readArrayOfInt32("weights") : null;
            return new OutboundRoute(in.readString("id"), in.readString("ownerRealm"), in.readString("name"),
                    in.readString("pattern"), in.readInt32("priority"),
                    gateways == null ? List.of() : List.of(gateways),
                    weights == null ? List.of() : IntStream.of(weights).boxed().toList());
        }

        @Override
        public void write(CompactWriter out, OutboundRoute r) {
            out.writeString("id", r.id());
            out.writeString("ownerRealm", r.ownerRealm());
            out.writeString("name", r.name());
            out.writeString("pattern", r.pattern());
            out.writeInt32("priority", r.priority());
            out.writeArrayOfString("gatewayIds", r.gatewayIds().toArray(String[]::new));
            out.writeArrayOfInt32("weights", r.weights().stream().mapToInt(Integer::intValue).toArray());
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

    static final class DidSerializer implements CompactSerializer<Did> {
        @Override
        public Did read(CompactReader in) {
            return new Did(in.readString("number"), optionalString(in, "resellerRealm"),
                    optionalString(in, "clientDomain"), optionalString(in, "destination"));
        }

        @Override
        public void write(CompactWriter out, Did d) {
            out.writeString("number", d.number());
            out.writeString("resellerRealm", d.resellerRealm());
            out.writeString("clientDomain", d.clientDomain());
            out.writeString("destination", d.destination());
        }

        @Override
        public String getTypeName() {
            return "gridpbx.Did";
        }

        @Override
        public Class<Did> getCompactClass() {
            return Did.class;
        }
    }

    /** Configuration objects: their values as two parallel string arrays. */
    static final class ConfigObjectSerializer implements CompactSerializer<ConfigObject> {
        @Override
        public ConfigObject read(CompactReader in) {
            String[] names = in.readArrayOfString("names");
            String[] values = in.readArrayOfString("values");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; names != null && values != null && i < names.length; i++) {
                fields.put(names[i], values[i]);
            }
            return new ConfigObject(ConfigKind.valueOf(in.readString("kind")), in.readString("id"),
                    Scope.parse(in.readString("owner")), fields);
        }

        @Override
        public void write(CompactWriter out, ConfigObject o) {
            out.writeString("kind", o.kind().name());
            out.writeString("id", o.id());
            out.writeString("owner", o.owner().toString());
            out.writeArrayOfString("names", o.values().keySet().toArray(String[]::new));
            out.writeArrayOfString("values", o.values().values().toArray(String[]::new));
        }

        @Override
        public String getTypeName() {
            return "gridpbx.ConfigObject";
        }

        @Override
        public Class<ConfigObject> getCompactClass() {
            return ConfigObject.class;
        }
    }
}
