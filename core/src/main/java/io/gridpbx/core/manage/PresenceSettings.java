package io.gridpbx.core.manage;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.PresenceRules;
import io.gridpbx.core.presence.PresenceRulesStore;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.core.presence.SubscriptionStore;
import io.gridpbx.core.presence.body.BodyException;
import io.gridpbx.core.presence.body.Entry;
import io.gridpbx.core.presence.body.ResourceList;
import io.gridpbx.core.presence.body.ResourceLists;
import io.gridpbx.core.presence.xcap.Auid;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.presence.xcap.XcapOutcome;
import io.gridpbx.core.presence.xcap.XcapPrecondition;
import io.gridpbx.core.presence.xcap.XcapUri;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A user's presence as its portal shows it: who watches it now, the colleagues it blocks and the outsiders
 * it allows (a change ends at once the subscriptions the rules now refuse), and its busy-lamp list, kept as
 * the list {@value #BLF_LIST} of its XCAP resource-lists document {@code index}, so that the list a phone
 * fetches over XCAP is this one. The actor is the user itself or a level above it (an administrator edits a
 * user's lists); to anyone else the user does not exist.
 */
public final class PresenceSettings {

    /** The name of the busy-lamp list in the user's resource-lists {@code index} document. */
    public static final String BLF_LIST = "blf";
    /** The most keys a busy-lamp list holds: more than any desk phone with its expansion modules. */
    public static final int MAX_BLF_KEYS = 100;

    /** One live subscription to the user: who watches, in which package. */
    public record Watching(AddressOfRecord watcher, EventPackage event) {
    }

    private static final List<EventPackage> WATCHED = List.of(EventPackage.PRESENCE, EventPackage.DIALOG);

    private final UserAdmin users;
    private final TenantDirectory directory;
    private final PresenceRulesStore rules;
    private final SubscriptionStore subscriptions;
    private final XcapDocuments documents;
    private final PresenceServer server;

    /**
     * @param subscriptions read from this member's mirror of the live subscriptions
     * @param server        ends the subscriptions a change of rules refuses, from this node
     */
    public PresenceSettings(UserAdmin users, TenantDirectory directory, PresenceRulesStore rules,
            SubscriptionStore subscriptions, XcapDocuments documents, PresenceServer server) {
        this.users = users;
        this.directory = directory;
        this.rules = rules;
        this.subscriptions = subscriptions;
        this.documents = documents;
        this.server = server;
    }

    /** Who watches the user's presence or dialogs now, by address then package; its own devices left out. */
    public List<Watching> watchers(Scope actor, String user) {
        AddressOfRecord me = users.get(actor, user).addressOfRecord();
        List<Watching> watching = new ArrayList<>();
        for (EventPackage event : WATCHED) {
            subscriptions.watchersOf(me, event).stream().map(Subscription::watcher)
                    .filter(watcher -> !watcher.equals(me)).distinct()
                    .forEach(watcher -> watching.add(new Watching(watcher, event)));
        }
        watching.sort(Comparator.comparing((Watching w) -> w.watcher().domain())
                .thenComparing(w -> w.watcher().user()).thenComparing(Watching::event));
        return List.copyOf(watching);
    }

    public PresenceRules rules(Scope actor, String user) {
        return rules.rulesOf(users.get(actor, user).addressOfRecord());
    }

    /** Refuses a colleague (field {@code watcher}: an extension of the user's client, not the user itself). */
    public PresenceRules block(Scope actor, String user, String watcher) {
        User me = users.get(actor, user);
        AddressOfRecord colleague = address(watcher, me.domain());
        Errors errors = new Errors();
        errors.check(colleague != null, "watcher", "aor.invalid", "an extension or user@domain");
        if (colleague != null) {
            errors.check(colleague.domain().equals(me.domain()), "watcher", "watcher.outsider",
                    "users outside the client are refused unless allowed; remove it from the allowed instead");
            errors.check(!colleague.equals(me.addressOfRecord()), "watcher", "watcher.self", "a user always sees itself");
            errors.check(directory.user(colleague).isPresent(), "watcher", "extension.unknown", "no such extension");
            Set<AddressOfRecord> blocked = rules.rulesOf(me.addressOfRecord()).blocked();
            checkRoom(blocked.contains(colleague) || blocked.size() < PresenceRules.MAX_ENTRIES, errors);
        }
        errors.throwIfAny();
        return change(me, now -> now.block(colleague));
    }

    public PresenceRules unblock(Scope actor, String user, String watcher) {
        User me = users.get(actor, user);
        AddressOfRecord colleague = address(watcher, me.domain());
        return colleague == null ? rules.rulesOf(me.addressOfRecord()) : change(me, now -> now.unblock(colleague));
    }

    /** Lets a user of another client watch (field {@code watcher}: {@code user@domain} of another domain). */
    public PresenceRules allow(Scope actor, String user, String watcher) {
        User me = users.get(actor, user);
        AddressOfRecord outsider = address(watcher, null);
        Errors errors = new Errors();
        errors.check(outsider != null && User.isValidExtension(outsider.user()), "watcher", "aor.invalid",
                "an address user@domain");
        if (outsider != null) {
            errors.check(!outsider.domain().equals(me.domain()), "watcher", "watcher.colleague",
                    "users of the client watch each other unless blocked");
            Set<AddressOfRecord> allowed = rules.rulesOf(me.addressOfRecord()).allowed();
            checkRoom(allowed.contains(outsider) || allowed.size() < PresenceRules.MAX_ENTRIES, errors);
        }
        errors.throwIfAny();
        return change(me, now -> now.allow(outsider));
    }

    public PresenceRules disallow(Scope actor, String user, String watcher) {
        User me = users.get(actor, user);
        AddressOfRecord outsider = address(watcher, null);
        return outsider == null ? rules.rulesOf(me.addressOfRecord()) : change(me, now -> now.disallow(outsider));
    }

    /** The user's busy-lamp list, in order; empty when it has none. */
    public List<Entry> blfList(Scope actor, String user) {
        AddressOfRecord me = users.get(actor, user).addressOfRecord();
        return current(me).lists().stream().filter(list -> list.name().equals(BLF_LIST)).findFirst()
                .map(ResourceList::entries).orElse(List.of());
    }

    /**
     * Replaces the user's busy-lamp list with {@code keys}, in order: extensions of its client, typed as
     * {@code 201}, {@code 201@domain} or {@code sip:201@domain} (field {@code blf}). The document's other lists
     * stay as they are; a phone's write between the read and this one is a {@link ConflictException}.
     */
    public List<Entry> saveBlfList(Scope actor, String user, List<String> keys) {
        User me = users.get(actor, user);
        Errors errors = new Errors();
        List<Entry> entries = new ArrayList<>();
        Set<AddressOfRecord> seen = new HashSet<>();
        for (String typed : keys) {
            if (Forms.text(typed).isEmpty()) {
                continue;
            }
            AddressOfRecord key = address(typed, me.domain());
            User target = key == null || !key.domain().equals(me.domain()) ? null : directory.user(key).orElse(null);
            errors.check(target != null, "blf", "blf.unknown", "not an extension of the client: " + typed.strip());
            if (target != null) {
                errors.check(seen.add(key), "blf", "blf.duplicate", "listed twice: " + typed.strip());
                entries.add(new Entry("sip:" + key, target.displayName()));
            }
        }
        errors.check(entries.size() <= MAX_BLF_KEYS, "blf", "blf.too-many", "at most " + MAX_BLF_KEYS + " keys");
        errors.throwIfAny();
        write(me.addressOfRecord(), entries);
        return List.copyOf(entries);
    }

    private PresenceRules change(User me, UnaryOperator<PresenceRules> change) {
        AddressOfRecord aor = me.addressOfRecord();
        PresenceRules changed = change.apply(rules.rulesOf(aor));
        rules.save(aor, changed);
        // The NOTIFYs go out from here; the portal does not wait for the watchers' answers.
        server.rulesChanged(aor);
        return changed;
    }

    private static void checkRoom(boolean room, Errors errors) {
        errors.check(room, "watcher", "presence.too-many", "at most " + PresenceRules.MAX_ENTRIES + " addresses");
    }

    private ResourceLists current(AddressOfRecord me) {
        XcapOutcome outcome = documents.get(me, index(me), XcapPrecondition.NONE);
        if (!(outcome instanceof XcapOutcome.Found found)) {
            return new ResourceLists(List.of());
        }
        try {
            return ResourceLists.parse(found.document().bytes(), XcapDocuments.MAX_BYTES);
        } catch (BodyException storedBeforeTheRulesChanged) {
            return new ResourceLists(List.of());
        }
    }

    private void write(AddressOfRecord me, List<Entry> entries) {
        XcapUri uri = index(me);
        XcapOutcome read = documents.get(me, uri, XcapPrecondition.NONE);
        List<ResourceList> lists = new ArrayList<>();
        XcapPrecondition precondition = XcapPrecondition.ifAbsent();
        if (read instanceof XcapOutcome.Found found) {
            precondition = XcapPrecondition.ifMatch(found.document().etag());
            try {
                lists.addAll(ResourceLists.parse(found.document().bytes(), XcapDocuments.MAX_BYTES).lists());
            } catch (BodyException storedBeforeTheRulesChanged) {
                // replaced by a valid document holding the list alone
            }
        }
        ResourceList blf = new ResourceList(BLF_LIST, "BLF", entries);
        int at = indexOf(lists);
        if (at >= 0) {
            lists.set(at, blf);
        } else {
            lists.add(blf);
        }
        XcapOutcome written = documents.put(me, uri, Auid.RESOURCE_LISTS.contentType(),
                new ResourceLists(lists).toXml(), precondition);
        if (written instanceof XcapOutcome.Refused refused) {
            if (refused.status() == 412) {
                throw new ConflictException("blf.changed", "the list changed meanwhile (a phone wrote it): read it again");
            }
            throw new IllegalStateException("the busy-lamp list was refused: " + refused.status() + " "
                    + new String(refused.body(), StandardCharsets.UTF_8).strip());
        }
    }

    private static int indexOf(List<ResourceList> lists) {
        for (int i = 0; i < lists.size(); i++) {
            if (lists.get(i).name().equals(BLF_LIST)) {
                return i;
            }
        }
        return -1;
    }

    private static XcapUri index(AddressOfRecord me) {
        return new XcapUri(Auid.RESOURCE_LISTS, me, XcapUri.INDEX);
    }

    /**
     * The address typed: {@code sip:}/{@code sips:} taken off, an extension alone completed with
     * {@code domain} (when given); null when it is no address.
     */
    private static @Nullable AddressOfRecord address(@Nullable String typed, @Nullable String domain) {
        String text = Forms.text(typed);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            text = text.substring(5);
        } else if (lower.startsWith("sip:")) {
            text = text.substring(4);
        }
        if (!text.contains("@") && domain != null) {
            text = text + "@" + domain;
        }
        try {
            AddressOfRecord address = AddressOfRecord.parse(text);
            return User.isValidExtension(address.user()) ? address : null;
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
