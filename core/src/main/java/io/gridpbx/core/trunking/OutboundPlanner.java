package io.gridpbx.core.trunking;

import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Decides where a user's call to a number goes: the client's dial plan makes it E.164, the user's
 * profile must allow its class (emergency numbers always pass), a ported number follows its routing
 * number or forced gateway, and the routes give the gateways. Reads only the local {@link TrunkingView}.
 */
public final class OutboundPlanner {

    /** Most gateways one call tries: a carrier outage must not turn one call into a storm. */
    public static final int MAX_ATTEMPTS = 5;

    /** Each SIP thread draws from its own generator: no contention, and nothing shared to lock. */
    private static final RandomGenerator PER_THREAD = () -> ThreadLocalRandom.current().nextLong();

    private final TrunkingView view;
    private final RandomGenerator random;

    public OutboundPlanner(TrunkingView view) {
        this(view, PER_THREAD);
    }

    /** @param random draws the gateway order of weighted routes; must be safe for the threads that plan */
    public OutboundPlanner(TrunkingView view, RandomGenerator random) {
        this.view = view;
        this.random = random;
    }

    /** The plan for {@code caller}, of {@code client}, dialling {@code typed}; the platform's routes come after its reseller's. */
    public OutboundPlan plan(Client client, User caller, String typed, String platformDomain) {
        Optional<DialledNumber> dialled = view.dialPlan(client.domain()).normalize(typed);
        if (dialled.isEmpty()) {
            return new OutboundPlan.Refused(404, "No Such Extension Or Number");
        }
        DialledNumber number = dialled.get();
        CallingRights rights = caller.profile() == null ? CallingRights.BASIC
                : view.rights(client.resellerRealm(), caller.profile());
        if (!rights.allows(number.kind())) {
            return new OutboundPlan.Refused(403, "Calls To " + label(number.kind()) + " Numbers Not Allowed");
        }
        PortedNumber ported = view.ported(number.e164()).orElse(null);
        List<TrunkAttempt> attempts;
        if (ported != null && ported.gatewayId() != null) {
            attempts = view.gateway(ported.gatewayId()).filter(g -> view.isUp(g.id()))
                    .map(g -> List.of(new TrunkAttempt(g, TrunkAttempt.rewrite(g, number.e164()), null, null)))
                    .orElse(List.of());
        } else {
            String routingNumber = ported == null ? null : ported.routingNumber();
            attempts = attempts(number.e164(), routingNumber, client.resellerRealm(), platformDomain, view.routes(),
                    view::gateway, g -> view.isUp(g.id()), random);
        }
        if (attempts.isEmpty()) {
            return new OutboundPlan.Refused(480, "No Route Or Gateway Available");
        }
        return new OutboundPlan.Attempts(number, attempts,
                view.presentedNumber(client.domain(), caller.extension()).orElse(null));
    }

    /**
     * The gateways a number tries, in order: every matching route of the reseller (best match, then
     * priority), then the platform's; each route's gateways in its order, or for a weighted route in
     * an order drawn by weight; a gateway once, down ones left out, at most {@link #MAX_ATTEMPTS}.
     * Given the same state of {@code random}, the same answer.
     *
     * @param routingNumber a ported number's routing number, which the routes match instead of the number
     * @param random        draws the order of weighted routes' gateways
     */
    public static List<TrunkAttempt> attempts(String e164, String routingNumber, String resellerRealm,
            String platformDomain, Collection<OutboundRoute> routes, Function<String, Optional<Gateway>> gateways,
            Predicate<Gateway> up, RandomGenerator random) {
        String matched = routingNumber == null ? e164 : routingNumber;
        List<OutboundRoute> candidates = new ArrayList<>();
        for (OutboundRoute route : routes) {
            boolean owned = route.ownerRealm().equals(resellerRealm) || route.ownerRealm().equals(platformDomain);
            if (owned && route.matchesE164(matched)) {
                candidates.add(route);
            }
        }
        candidates.sort(Comparator.comparing((OutboundRoute r) -> !r.ownerRealm().equals(resellerRealm))
                .thenComparing(Comparator.comparingInt(OutboundRoute::specificity).reversed())
                .thenComparingInt(OutboundRoute::priority)
                .thenComparing(OutboundRoute::id));
        Set<String> tried = new LinkedHashSet<>();
        List<TrunkAttempt> attempts = new ArrayList<>();
        for (OutboundRoute route : candidates) {
            List<Gateway> usable = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (int i = 0; i < route.gatewayIds().size(); i++) {
                String gatewayId = route.gatewayIds().get(i);
                if (!tried.add(gatewayId)) {
                    continue;
                }
                Optional<Gateway> gateway = gateways.apply(gatewayId).filter(up);
                if (gateway.isPresent()) {
                    usable.add(gateway.get());
                    weights.add(route.weighted() ? route.weights().get(i) : 0);
                }
            }
            List<Gateway> ordered = route.weighted() ? drawn(usable, weights, random) : usable;
            for (Gateway gateway : ordered) {
                if (attempts.size() == MAX_ATTEMPTS) {
                    return attempts;
                }
                attempts.add(new TrunkAttempt(gateway, TrunkAttempt.rewrite(gateway, e164), routingNumber, route));
            }
        }
        return attempts;
    }

    /**
     * The gateways in a weighted random order without replacement: the first drawn with a chance
     * proportional to its weight, the next among the rest, and so on, so that the gateways not drawn
     * first still back it up. Down gateways were left out before, so their share goes to the others.
     */
    static List<Gateway> drawn(List<Gateway> gateways, List<Integer> weights, RandomGenerator random) {
        List<Gateway> left = new ArrayList<>(gateways);
        List<Integer> leftWeights = new ArrayList<>(weights);
        int total = leftWeights.stream().mapToInt(Integer::intValue).sum();
        List<Gateway> order = new ArrayList<>(left.size());
        while (!left.isEmpty()) {
            int ticket = random.nextInt(total);
            int i = 0;
            while (ticket >= leftWeights.get(i)) {
                ticket -= leftWeights.get(i);
                i++;
            }
            order.add(left.remove(i));
            total -= leftWeights.remove(i);
        }
        return order;
    }

    private static String label(NumberClass kind) {
        String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        StringBuilder title = new StringBuilder(words.length());
        boolean start = true;
        for (char c : words.toCharArray()) {
            title.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return title.toString().replace(' ', '-');
    }
}
