package io.gridpbx.core.trunking;

import static io.gridpbx.core.manage.Forms.text;

import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.access.Secrets;
import io.gridpbx.core.manage.Errors;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Outbound routes of the platform and of each reseller: each manages its own, choosing gateways from
 * the platform's, in order or with weights; nobody sees another owner's routes.
 */
public final class RouteAdmin {

    private final TrunkingStore store;

    public RouteAdmin(TrunkingStore store) {
        this.store = store;
    }

    public List<OutboundRoute> list(Scope actor) {
        return store.routesOf(owner(actor)).stream()
                .sorted(Comparator.comparingInt(OutboundRoute::priority).thenComparing(OutboundRoute::name)).toList();
    }

    public OutboundRoute get(Scope actor, String id) {
        String owner = owner(actor);
        return store.route(id).filter(r -> r.ownerRealm().equals(owner))
                .orElseThrow(() -> new NotFoundException("route", id));
    }

    public OutboundRoute create(Scope actor, RouteForm form) {
        OutboundRoute route = validated(Secrets.newToken().substring(0, 10), owner(actor), form);
        store.saveRoute(route);
        return route;
    }

    public OutboundRoute update(Scope actor, String id, RouteForm form) {
        OutboundRoute current = get(actor, id);
        OutboundRoute updated = validated(current.id(), current.ownerRealm(), form);
        store.saveRoute(updated);
        return updated;
    }

    public void delete(Scope actor, String id) {
        store.deleteRoute(get(actor, id).id());
    }

    private static String owner(Scope actor) {
        if (!actor.level().isAbove(Level.CLIENT)) {
            throw new ForbiddenException("only the platform and resellers have outbound routes");
        }
        return actor.tenant();
    }

    private OutboundRoute validated(String id, String owner, RouteForm form) {
        Errors errors = new Errors();
        String name = text(form.name());
        errors.check(!name.isEmpty() && name.length() <= 100, "name", "name.required", "1 to 100 characters");
        String pattern = text(form.pattern());
        errors.check(!pattern.isEmpty() && pattern.length() <= 100 && compiles(pattern), "pattern", "pattern.invalid",
                "a regular expression over the dialled digits, e.g. 1[2-9][0-9]{9}");
        Integer priority = Numbers.integer(form.priority(), 100);
        errors.check(priority != null && priority >= 0 && priority <= 10_000, "priority", "priority.range",
                "a whole number from 0 to 10000");
        List<String> gateways = form.gatewayIds();
        errors.check(!gateways.isEmpty(), "gatewayIds", "gateways.required", "choose at least one gateway");
        errors.check(new HashSet<>(gateways).size() == gateways.size(), "gatewayIds", "gateways.duplicate",
                "a gateway appears twice");
        errors.check(gateways.stream().allMatch(g -> store.gateway(g).isPresent()), "gatewayIds", "gateways.unknown",
                "no such gateway");
        List<Integer> weights = weights(form.weights());
        errors.check(form.weights().isEmpty() || form.weights().size() == gateways.size(), "weights", "weights.count",
                "one weight for each gateway");
        errors.check(weights != null, "weights", "weights.range", "a whole number from " + OutboundRoute.MIN_WEIGHT
                + " to " + OutboundRoute.MAX_WEIGHT + " for each gateway");
        errors.throwIfAny();
        return new OutboundRoute(id, owner, name, pattern, priority, gateways, weights);
    }

    /** The typed weights as numbers; null when one is not a whole number in range. */
    private static @Nullable List<Integer> weights(List<@Nullable String> typed) {
        List<Integer> weights = new ArrayList<>(typed.size());
        for (String text : typed) {
            Integer weight = Numbers.integer(text, 0);
            if (weight == null || weight < OutboundRoute.MIN_WEIGHT || weight > OutboundRoute.MAX_WEIGHT) {
                return null;
            }
            weights.add(weight);
        }
        return weights;
    }

    private static boolean compiles(String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
