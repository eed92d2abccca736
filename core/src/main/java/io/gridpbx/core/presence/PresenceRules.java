package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who may watch one user's presence and dialogs (RFC 3856 section 6.6): the users of its own client by
 * default, except those it blocks; users outside its client only when it allows them by address of record.
 * This is the part of RFC 5025's {@code sub-handling} a portal offers: {@code block} for a colleague,
 * {@code allow} for an outsider; a user always watches itself. Message waiting and watcher information stay
 * the user's own whatever its rules say.
 *
 * @param blocked the users of its client it refuses
 * @param allowed the users outside its client it lets watch
 */
public record PresenceRules(SortedSet<AddressOfRecord> blocked, SortedSet<AddressOfRecord> allowed) {

    private static final Comparator<AddressOfRecord> ORDER = Comparator.comparing(AddressOfRecord::domain)
            .thenComparing(AddressOfRecord::user);

    /** No rule set: colleagues watch, outsiders do not. */
    public static final PresenceRules NONE = of(List.of(), List.of());
    /** The most addresses each list holds: the rules are read, near-cached, on every SUBSCRIBE. */
    public static final int MAX_ENTRIES = 200;

    /** What the rules say of one watcher. */
    public enum Decision {
        ALLOWED,
        /** A colleague the user blocks: 403 Watcher Blocked. */
        BLOCKED,
        /** An outsider the user did not allow: 403 Not Allowed To Watch. */
        NOT_ALLOWED
    }

    public PresenceRules {
        blocked = sorted(blocked);
        allowed = sorted(allowed);
        if (blocked.size() > MAX_ENTRIES || allowed.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("presence rules hold at most " + MAX_ENTRIES + " addresses each");
        }
    }

    /** Rules of any collections of addresses, sorted and without repeats. */
    public static PresenceRules of(Collection<AddressOfRecord> blocked, Collection<AddressOfRecord> allowed) {
        return new PresenceRules(sorted(blocked), sorted(allowed));
    }

    /** Whether {@code watcher} may watch {@code resource}, the user these rules belong to. */
    public Decision decide(AddressOfRecord watcher, AddressOfRecord resource) {
        if (watcher.equals(resource)) {
            return Decision.ALLOWED;
        }
        if (watcher.domain().equals(resource.domain())) {
            return blocked.contains(watcher) ? Decision.BLOCKED : Decision.ALLOWED;
        }
        return allowed.contains(watcher) ? Decision.ALLOWED : Decision.NOT_ALLOWED;
    }

    public PresenceRules block(AddressOfRecord watcher) {
        return new PresenceRules(with(blocked, watcher), allowed);
    }

    public PresenceRules unblock(AddressOfRecord watcher) {
        return new PresenceRules(without(blocked, watcher), allowed);
    }

    public PresenceRules allow(AddressOfRecord watcher) {
        return new PresenceRules(blocked, with(allowed, watcher));
    }

    public PresenceRules disallow(AddressOfRecord watcher) {
        return new PresenceRules(blocked, without(allowed, watcher));
    }

    private static SortedSet<AddressOfRecord> with(SortedSet<AddressOfRecord> addresses, AddressOfRecord one) {
        TreeSet<AddressOfRecord> more = new TreeSet<>(addresses);
        more.add(one);
        return more;
    }

    private static SortedSet<AddressOfRecord> without(SortedSet<AddressOfRecord> addresses, AddressOfRecord one) {
        TreeSet<AddressOfRecord> fewer = new TreeSet<>(addresses);
        fewer.remove(one);
        return fewer;
    }

    private static SortedSet<AddressOfRecord> sorted(Collection<AddressOfRecord> addresses) {
        TreeSet<AddressOfRecord> copy = new TreeSet<>(ORDER);
        copy.addAll(addresses);
        return Collections.unmodifiableSortedSet(copy);
    }
}
