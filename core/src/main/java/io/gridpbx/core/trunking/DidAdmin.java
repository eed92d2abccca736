package io.gridpbx.core.trunking;

import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Numbers;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The DID inventory down the hierarchy: the platform adds ranges and assigns numbers to resellers,
 * a reseller assigns its numbers to its clients, a client points each of its numbers at one of its
 * extensions. Each level sees only the numbers assigned into its subtree.
 */
public final class DidAdmin {

    public static final int MAX_RANGE = 10_000;

    private final TrunkingStore store;
    private final TenantDirectory directory;

    public DidAdmin(TrunkingStore store, TenantDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    public Page<Did> list(Scope actor, String search, int offset, int limit) {
        String needle = Did.normalize(search);
        return Page.of(store.dids(), d -> visible(actor, d) && d.number().contains(needle),
                Comparator.comparing(Did::number), offset, limit);
    }

    public Did get(Scope actor, String number) {
        return store.did(Did.normalize(number)).filter(d -> visible(actor, d))
                .orElseThrow(() -> new NotFoundException("DID", number));
    }

    /** Adds {@code count} consecutive numbers from {@code first}; none is added when any already exists. */
    public List<Did> addRange(Scope actor, String first, String count) {
        if (actor.level() != Level.PLATFORM) {
            throw new ForbiddenException("only the platform adds numbers to the inventory");
        }
        String start = Did.normalize(first);
        Integer parsed = Numbers.integer(count, -1);
        int size = parsed == null ? -1 : parsed;
        List<FieldError> errors = new ArrayList<>();
        if (!Did.isValidNumber(start)) {
            errors.add(FieldError.of("first", "did.invalid", "7 to 15 digits, no leading 0"));
        }
        if (size < 1 || size > MAX_RANGE) {
            errors.add(FieldError.of("count", "did.count", "1 to " + MAX_RANGE + " numbers"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Did> range = new ArrayList<>(size);
        BigInteger number = new BigInteger(start);
        for (int i = 0; i < size; i++, number = number.add(BigInteger.ONE)) {
            String text = number.toString();
            if (!Did.isValidNumber(text) || store.did(text).isPresent()) {
                throw new ValidationException(FieldError.of("first", "did.exists",
                        text + " is already in the inventory or out of range; nothing was added"));
            }
            range.add(new Did(text, null, null, null));
        }
        store.saveDids(range);
        return range;
    }

    /**
     * Hands numbers one level down: the platform to a reseller, a reseller to one of its clients.
     * A null target takes them back (to the actor's own pool).
     */
    public List<Did> assign(Scope actor, List<String> numbers, @Nullable String target) {
        List<Did> dids = numbers.stream().map(n -> get(actor, n)).toList();
        List<Did> changed = switch (actor.level()) {
            case PLATFORM -> {
                String realm = target == null ? null : reseller(actor, target);
                yield dids.stream().map(d -> new Did(d.number(), realm, null, null)).toList();
            }
            case RESELLER -> {
                String domain = target == null ? null : client(actor, target);
                yield dids.stream().map(d -> new Did(d.number(), d.resellerRealm(), domain, null)).toList();
            }
            default -> throw new ForbiddenException("clients point numbers at destinations; they do not assign them");
        };
        store.saveDids(changed);
        return changed;
    }

    /** A client points one of its numbers at one of its extensions; blank clears it. */
    public Did route(Scope actor, String number, @Nullable String extension) {
        if (actor.level() != Level.CLIENT) {
            throw new ForbiddenException("the client that holds a number chooses its destination");
        }
        Did did = get(actor, number);
        String destination = extension == null || extension.isBlank() ? null : extension.trim();
        if (destination != null && (!io.gridpbx.core.tenancy.User.isValidExtension(destination)
                || directory.user(new AddressOfRecord(destination, actor.tenant())).isEmpty())) {
            throw new ValidationException(FieldError.of("destination", "destination.unknown", "no such extension"));
        }
        Did routed = new Did(did.number(), did.resellerRealm(), did.clientDomain(), destination);
        store.saveDids(List.of(routed));
        return routed;
    }

    public void delete(Scope actor, String number) {
        if (actor.level() != Level.PLATFORM) {
            throw new ForbiddenException("only the platform removes numbers from the inventory");
        }
        Did did = get(actor, number);
        if (did.resellerRealm() != null) {
            throw new ConflictException("did.assigned", "take the number back from its reseller first");
        }
        store.deleteDid(did.number());
    }

    private static boolean visible(Scope actor, Did did) {
        return switch (actor.level()) {
            case PLATFORM -> true;
            case RESELLER -> actor.tenant().equals(did.resellerRealm());
            case CLIENT -> actor.tenant().equals(did.clientDomain());
            case USER -> false;
        };
    }

    private String reseller(Scope actor, String realm) {
        return normalized(realm).flatMap(directory::reseller).filter(r -> actor.coversDomain(r.realm()))
                .map(r -> r.realm()).orElseThrow(() -> new ValidationException(
                        FieldError.of("target", "reseller.unknown", "no such reseller")));
    }

    private String client(Scope actor, String domain) {
        return normalized(domain).flatMap(directory::client).filter(c -> actor.coversDomain(c.domain()))
                .map(c -> c.domain()).orElseThrow(() -> new ValidationException(
                        FieldError.of("target", "client.unknown", "no such client")));
    }

    private static java.util.Optional<String> normalized(String domain) {
        try {
            return java.util.Optional.of(DomainName.normalize(domain));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
