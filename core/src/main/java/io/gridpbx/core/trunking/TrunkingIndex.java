package io.gridpbx.core.trunking;

import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * This node's copy of the trunking configuration, kept current by the changes its owner feeds in
 * (the grid's entry events) and answering the call path from memory. Gateways given by host name are
 * found as carriers once {@link #resolveHostNames} has resolved them, which the owner does off the
 * call path.
 */
public final class TrunkingIndex implements TrunkingView {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|\\[?[0-9a-fA-F:]*:[0-9a-fA-F:.]*]?");

    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    private final Map<String, OutboundRoute> routes = new ConcurrentHashMap<>();
    private final Map<String, Did> dids = new ConcurrentHashMap<>();
    /** A client's DIDs, lowest first: the number its users present when none is routed to them. */
    private final Map<String, NavigableSet<String>> didsOfClient = new ConcurrentHashMap<>();
    /** {@code client-domain|extension} → the lowest DID routed to that extension. */
    private final Map<String, NavigableSet<String>> didsOfUser = new ConcurrentHashMap<>();
    private final Map<String, DialPlan> dialPlans = new ConcurrentHashMap<>();
    /** {@code reseller-realm|profile-id} → rights. */
    private final Map<String, CallingRights> profiles = new ConcurrentHashMap<>();
    private final Map<String, PortedNumber> ported = new ConcurrentHashMap<>();
    /** Configuration key → the number its PORTED_NUMBER object ported, so that an edit forgets the old number. */
    private final Map<String, String> portedByKey = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    /** {@code reseller-realm|profile-id} → the profile's maxCalls. */
    private final Map<String, Integer> profileCaps = new ConcurrentHashMap<>();
    /** Configuration key → the tenant and cap of a CLIENT_CALL_LIMIT or RESELLER_CALL_LIMIT. */
    private final Map<String, Map.Entry<String, Integer>> capsByKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> clientCaps = new ConcurrentHashMap<>();
    private final Map<String, Integer> resellerCaps = new ConcurrentHashMap<>();
    private final Map<String, Integer> gatewayCaps = new ConcurrentHashMap<>();
    /** Client domain → the calls a second its CLIENT_CALL_LIMIT allows. */
    private final Map<String, Integer> clientRates = new ConcurrentHashMap<>();
    /** Host name → its addresses, as last resolved. */
    private volatile Map<String, List<String>> resolved = Map.of();
    /** Source address → gateway id. */
    private volatile Map<String, String> carriers = Map.of();

    // ---- the call path's reads

    @Override
    public Optional<Gateway> gateway(String id) {
        return Optional.ofNullable(gateways.get(id));
    }

    @Override
    public Collection<Gateway> gateways() {
        return Collections.unmodifiableCollection(gateways.values());
    }

    @Override
    public Collection<OutboundRoute> routes() {
        return Collections.unmodifiableCollection(routes.values());
    }

    @Override
    public Optional<Did> did(String number) {
        return Optional.ofNullable(dids.get(number));
    }

    @Override
    public Optional<Gateway> carrierAt(String sourceAddress) {
        String id = carriers.get(sourceAddress.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : gateway(id);
    }

    @Override
    public boolean isUp(String gatewayId) {
        return !down.contains(gatewayId);
    }

    @Override
    public Optional<String> presentedNumber(String clientDomain, String extension) {
        NavigableSet<String> own = didsOfUser.get(clientDomain + "|" + extension);
        if (own != null && !own.isEmpty()) {
            return Optional.of(own.first());
        }
        NavigableSet<String> client = didsOfClient.get(clientDomain);
        return client == null || client.isEmpty() ? Optional.empty() : Optional.of(client.first());
    }

    @Override
    public DialPlan dialPlan(String clientDomain) {
        return dialPlans.getOrDefault(clientDomain, DialPlan.NORTH_AMERICA);
    }

    @Override
    public CallingRights rights(String resellerRealm, String profileId) {
        return profiles.getOrDefault(resellerRealm + "|" + profileId, CallingRights.BASIC);
    }

    @Override
    public Optional<PortedNumber> ported(String e164) {
        return Optional.ofNullable(ported.get(e164));
    }

    // ---- changes

    public void putGateway(Gateway gateway) {
        gateways.put(gateway.id(), gateway);
        rebuildCarriers();
    }

    public void removeGateway(String id) {
        gateways.remove(id);
        down.remove(id);
        rebuildCarriers();
    }

    public void putRoute(OutboundRoute route) {
        routes.put(route.id(), route);
    }

    public void removeRoute(String id) {
        routes.remove(id);
    }

    public void putDid(Did did) {
        Did before = dids.put(did.number(), did);
        if (before != null) {
            unindex(before);
        }
        if (did.clientDomain() != null) {
            didsOfClient.computeIfAbsent(did.clientDomain(), k -> new ConcurrentSkipListSet<>()).add(did.number());
            if (did.destination() != null) {
                didsOfUser.computeIfAbsent(did.clientDomain() + "|" + did.destination(), k -> new ConcurrentSkipListSet<>())
                        .add(did.number());
            }
        }
    }

    public void removeDid(String number) {
        Did before = dids.remove(number);
        if (before != null) {
            unindex(before);
        }
    }

    /** A configuration object saved: dial plans, user profiles and ported numbers are kept, the rest ignored. */
    public void putConfig(ConfigObject object) {
        switch (object.kind()) {
            case DIAL_PLAN -> {
                try {
                    dialPlans.put(object.owner().tenant(), DialPlan.fromSettings(object.values()));
                } catch (IllegalArgumentException unusable) {
                    dialPlans.remove(object.owner().tenant()); // validated when saved; an old object falls back
                }
            }
            case USER_PROFILE -> {
                String key = object.owner().tenant() + "|" + object.id();
                profiles.put(key, CallingRights.fromProfile(object.values()));
                Integer max = number(object.values().get("maxCalls"));
                if (max != null) {
                    profileCaps.put(key, max);
                } else {
                    profileCaps.remove(key);
                }
            }
            case CLIENT_CALL_LIMIT -> putCap(object, "client", clientCaps);
            case RESELLER_CALL_LIMIT -> putCap(object, "reseller", resellerCaps);
            case GATEWAY_CALL_LIMIT -> putCap(object, "gateway", gatewayCaps);
            case PORTED_NUMBER -> {
                forgetPorted(object.key());
                PortedNumber number = portedNumber(object);
                if (number != null) {
                    ported.put(number.number(), number);
                    portedByKey.put(object.key(), number.number());
                }
            }
            default -> { }
        }
    }

    private void putCap(ConfigObject object, String tenantField, Map<String, Integer> caps) {
        forgetCap(object.key(), caps);
        String tenant = object.values().get(tenantField);
        Integer max = number(object.values().get("maxCalls"));
        String owner = object.owner().tenant();
        if (tenant != null && max != null) {
            String normalized = object.kind() == ConfigKind.GATEWAY_CALL_LIMIT ? tenant.strip()
                    : tenant.strip().toLowerCase(Locale.ROOT);
            if (object.kind() == ConfigKind.CLIENT_CALL_LIMIT && !normalized.endsWith("." + owner)) {
                return; // a reseller caps its own clients only (the admin refuses others; an old object may not)
            }
            capsByKey.put(object.key(), Map.entry(normalized, max));
            caps.merge(normalized, max, Math::min); // two caps on one tenant: the lower holds
            Integer perSecond = number(object.values().get("callsPerSecond"));
            if (object.kind() == ConfigKind.CLIENT_CALL_LIMIT && perSecond != null) {
                clientRates.put(normalized, perSecond);
            }
        }
    }

    private void forgetCap(String key, Map<String, Integer> caps) {
        Map.Entry<String, Integer> before = capsByKey.remove(key);
        if (before != null) {
            caps.remove(before.getKey());
            if (caps == clientCaps) {
                clientRates.remove(before.getKey());
            }
            // another cap object on the same tenant still holds
            capsByKey.values().stream().filter(e -> e.getKey().equals(before.getKey()))
                    .forEach(e -> caps.merge(e.getKey(), e.getValue(), Math::min));
        }
    }

    private static @Nullable Integer number(@Nullable String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    // ---- the caps of concurrent calls

    @Override
    public java.util.OptionalInt ofUserProfile(String resellerRealm, @Nullable String profileId) {
        Integer max = profileId == null ? null : profileCaps.get(resellerRealm + "|" + profileId);
        return max == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(max);
    }

    @Override
    public java.util.OptionalInt ofClient(String clientDomain) {
        Integer max = clientCaps.get(clientDomain);
        return max == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(max);
    }

    @Override
    public java.util.OptionalInt ofGateway(String gatewayId) {
        Integer max = gatewayCaps.get(gatewayId);
        return max == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(max);
    }

    @Override
    public java.util.OptionalInt callsPerSecondOf(String clientDomain) {
        Integer perSecond = clientRates.get(clientDomain);
        return perSecond == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(perSecond);
    }

    @Override
    public java.util.OptionalInt ofReseller(String resellerRealm) {
        Integer max = resellerCaps.get(resellerRealm);
        return max == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(max);
    }

    private void forgetPorted(String key) {
        String before = portedByKey.remove(key);
        if (before != null) {
            ported.remove(before);
        }
    }

    /** A configuration object deleted, as it was. */
    public void removeConfig(ConfigObject object) {
        switch (object.kind()) {
            case DIAL_PLAN -> dialPlans.remove(object.owner().tenant());
            case USER_PROFILE -> {
                profiles.remove(object.owner().tenant() + "|" + object.id());
                profileCaps.remove(object.owner().tenant() + "|" + object.id());
            }
            case CLIENT_CALL_LIMIT -> forgetCap(object.key(), clientCaps);
            case RESELLER_CALL_LIMIT -> forgetCap(object.key(), resellerCaps);
            case GATEWAY_CALL_LIMIT -> forgetCap(object.key(), gatewayCaps);
            case PORTED_NUMBER -> forgetPorted(object.key());
            default -> { }
        }
    }

    /** Whether a configuration kind matters here: the owner may skip the others' events. */
    public static boolean indexes(ConfigKind kind) {
        return kind == ConfigKind.DIAL_PLAN || kind == ConfigKind.USER_PROFILE || kind == ConfigKind.PORTED_NUMBER
                || kind == ConfigKind.CLIENT_CALL_LIMIT || kind == ConfigKind.RESELLER_CALL_LIMIT
                || kind == ConfigKind.GATEWAY_CALL_LIMIT;
    }

    /** A gateway's probes found it down (false) or answering again (true). */
    public void setUp(String gatewayId, boolean up) {
        if (up) {
            down.remove(gatewayId);
        } else {
            down.add(gatewayId);
        }
    }

    /**
     * Resolves the gateways' host names (blocking: call it off the call path, now and then), so that
     * calls from their addresses are known as the carrier's.
     */
    public void resolveHostNames(Function<String, List<String>> resolver) {
        Map<String, List<String>> fresh = new ConcurrentHashMap<>();
        for (Gateway gateway : gateways.values()) {
            String host = gateway.host().toLowerCase(Locale.ROOT);
            if (!IP_LITERAL.matcher(host).matches() && !fresh.containsKey(host)) {
                fresh.put(host, List.copyOf(resolver.apply(host)));
            }
        }
        resolved = fresh;
        rebuildCarriers();
    }

    private synchronized void rebuildCarriers() {
        Map<String, String> byAddress = new ConcurrentHashMap<>();
        Map<String, List<String>> names = resolved;
        for (Gateway gateway : gateways.values()) {
            String host = gateway.host().toLowerCase(Locale.ROOT);
            if (IP_LITERAL.matcher(host).matches()) {
                byAddress.putIfAbsent(host.replace("[", "").replace("]", ""), gateway.id());
            } else {
                for (String address : names.getOrDefault(host, List.of())) {
                    byAddress.putIfAbsent(address.toLowerCase(Locale.ROOT), gateway.id());
                }
            }
        }
        carriers = Map.copyOf(byAddress);
    }

    private void unindex(Did did) {
        if (did.clientDomain() == null) {
            return;
        }
        NavigableSet<String> client = didsOfClient.get(did.clientDomain());
        if (client != null) {
            client.remove(did.number());
        }
        if (did.destination() != null) {
            NavigableSet<String> user = didsOfUser.get(did.clientDomain() + "|" + did.destination());
            if (user != null) {
                user.remove(did.number());
            }
        }
    }

    private static @Nullable PortedNumber portedNumber(ConfigObject object) {
        String number = object.values().get("number");
        String routing = blankToNull(object.values().get("routingNumber"));
        String gateway = blankToNull(object.values().get("gateway"));
        if (number == null || routing == null && gateway == null) {
            return null;
        }
        return new PortedNumber(number, routing, gateway);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
