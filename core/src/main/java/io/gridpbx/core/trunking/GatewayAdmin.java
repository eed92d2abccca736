package io.gridpbx.core.trunking;

import static io.gridpbx.core.manage.Forms.text;

import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.Errors;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Numbers;
import io.gridpbx.core.access.Secrets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The platform's SIP trunks. Only the platform sees and manages them; resellers pick from their
 * names when they build routes ({@link #choices}), never seeing hosts or credentials.
 */
public final class GatewayAdmin {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#]{0,16}");

    private final TrunkingStore store;
    private final RegistrationBoard registrations;

    /** Gateways whose registrations nobody reports (a node without a grid, a test). */
    public GatewayAdmin(TrunkingStore store) {
        this(store, RegistrationBoard.NONE);
    }

    /** @param registrations where the nodes report how each gateway's registration at its carrier stands */
    public GatewayAdmin(TrunkingStore store, RegistrationBoard registrations) {
        this.store = store;
        this.registrations = registrations;
    }

    /** A gateway as a route form offers it. */
    public record Choice(String id, String name) {
    }

    public List<Gateway> list(Scope actor) {
        requirePlatform(actor);
        return store.gateways().stream().sorted(Comparator.comparing(Gateway::name)).toList();
    }

    /** How each registering gateway's registration stands, by gateway id; a gateway not yet tried has none. */
    public Map<String, GatewayRegistration> registrations(Scope actor) {
        requirePlatform(actor);
        return registrations.all();
    }

    public List<Choice> choices(Scope actor) {
        if (!actor.level().isAbove(Level.CLIENT)) {
            throw new ForbiddenException("only the platform and resellers build outbound routes");
        }
        return store.gateways().stream().sorted(Comparator.comparing(Gateway::name))
                .map(g -> new Choice(g.id(), g.name())).toList();
    }

    public Gateway get(Scope actor, String id) {
        requirePlatform(actor);
        return store.gateway(id).orElseThrow(() -> new NotFoundException("gateway", id));
    }

    public Gateway create(Scope actor, GatewayForm form) {
        requirePlatform(actor);
        Gateway gateway = validated(Secrets.newToken().substring(0, 10), form, null);
        store.saveGateway(gateway);
        return gateway;
    }

    public Gateway update(Scope actor, String id, GatewayForm form) {
        Gateway current = get(actor, id);
        Gateway updated = validated(current.id(), form, current.password());
        store.saveGateway(updated);
        return updated;
    }

    public void delete(Scope actor, String id) {
        Gateway gateway = get(actor, id);
        List<String> users = store.allRoutes().stream().filter(r -> r.gatewayIds().contains(gateway.id()))
                .map(OutboundRoute::name).toList();
        if (!users.isEmpty()) {
            throw new ConflictException("gateway.in-use", "routes still use this gateway: " + String.join(", ", users));
        }
        store.deleteGateway(gateway.id());
    }

    private static Gateway validated(String id, GatewayForm form, @Nullable String currentPassword) {
        Errors errors = new Errors();
        String name = text(form.name());
        errors.check(!name.isEmpty() && name.length() <= 100, "name", "name.required", "1 to 100 characters");
        String host = text(form.host());
        errors.check(HOST.matcher(host).matches(), "host", "host.invalid", "a host name or IP address");
        Integer port = Numbers.integer(form.port(), 5060);
        errors.check(port != null && port >= 1 && port <= 65535, "port", "port.range", "a port from 1 to 65535");
        Gateway.Transport transport = transport(form.transport());
        errors.check(transport != null, "transport", "transport.invalid", "UDP, TCP or TLS");
        Integer strip = Numbers.integer(form.stripDigits(), 0);
        errors.check(strip != null && strip >= 0 && strip <= 10, "stripDigits", "strip.range", "0 to 10 digits");
        String prefix = text(form.addPrefix());
        errors.check(DIGITS.matcher(prefix).matches(), "addPrefix", "prefix.invalid", "up to 16 digits, * or #");
        String username = text(form.username());
        errors.check(username.length() <= 100 && !username.contains(" "), "username", "username.invalid",
                "up to 100 characters, no spaces");
        String password = text(form.password());
        errors.check(password.length() <= 100, "password", "password.length", "at most 100 characters");
        String kept = password.isEmpty() ? currentPassword : password;
        Integer expires = Numbers.integer(form.registerExpires(), Gateway.DEFAULT_REGISTER_EXPIRES);
        errors.check(expires != null && expires >= Gateway.MIN_REGISTER_EXPIRES
                && expires <= Gateway.MAX_REGISTER_EXPIRES, "registerExpires", "register.expires.range",
                "60 to 3600 seconds");
        // A carrier challenges every REGISTER: without both there is nothing to answer it with.
        errors.check(!form.register() || !username.isEmpty() && kept != null, "register", "register.credentials",
                "a registration needs a username and a password");
        errors.throwIfAny();
        return new Gateway(id, name, host.toLowerCase(Locale.ROOT), port, transport,
                username.isEmpty() ? null : username, kept, strip, prefix.isEmpty() ? null : prefix, form.probing(),
                form.register(), expires);
    }

    private static Gateway.@Nullable Transport transport(@Nullable String typed) {
        String text = text(typed).toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return Gateway.Transport.UDP;
        }
        try {
            return Gateway.Transport.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void requirePlatform(Scope actor) {
        if (actor.level() != Level.PLATFORM) {
            throw new ForbiddenException("only the platform manages SIP trunks");
        }
    }

}
