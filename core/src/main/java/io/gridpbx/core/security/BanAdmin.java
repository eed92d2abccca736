package io.gridpbx.core.security;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The platform's view of the SIP edge, shared by the admin UI and the REST API: the bans and lockouts
 * in force, lifting one, and the allow-list. Platform level only; every change is audited.
 */
public final class BanAdmin {

    private final BanList bans;
    private final AllowListStore allowList;
    private final AuditLog audit;
    private final Clock clock;

    public BanAdmin(BanList bans, AllowListStore allowList, AuditLog audit, Clock clock) {
        this.bans = bans;
        this.allowList = allowList;
        this.audit = audit;
        this.clock = clock;
    }

    /** The bans and lockouts in force, the latest first. */
    public List<Ban> active(Actor actor) {
        requirePlatform(actor);
        return bans.active().stream().sorted(Comparator.comparing(Ban::since).reversed()).toList();
    }

    /**
     * Lifts the ban of a source and its lockouts.
     *
     * @throws NotFoundException when the source is neither banned nor locked out
     */
    public void unban(Actor actor, String address) {
        requirePlatform(actor);
        String source = address.strip();
        List<String> keys = bans.active().stream().filter(b -> b.address().equals(source)).map(Ban::key).toList();
        if (keys.isEmpty()) {
            throw new NotFoundException("ban", source);
        }
        keys.forEach(bans::lift);
        audit.append(new AuditEntry(clock.instant(), actor.email(), "sip-unban", actor.scope(), source));
    }

    /** The operator's allow-list as saved (the node property's entries come on top of it). */
    public List<String> allowList(Actor actor) {
        requirePlatform(actor);
        return allowList.entries();
    }

    /**
     * Replaces the allow-list; each entry an address or a CIDR.
     *
     * @throws ValidationException naming every bad entry ({@code allowList[i]}, code {@code cidr.invalid}); nothing is saved
     */
    public List<String> saveAllowList(Actor actor, List<String> entries) {
        requirePlatform(actor);
        List<FieldError> errors = new ArrayList<>();
        List<String> normalized = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) == null ? "" : entries.get(i).strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                normalized.add(Cidr.parse(entry).toString());
            } catch (IllegalArgumentException bad) {
                errors.add(FieldError.of("allowList[" + i + "]", "cidr.invalid",
                        "an IP address or a CIDR such as 192.0.2.0/24: " + bad.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<String> saved = normalized.stream().distinct().toList();
        allowList.save(saved);
        audit.append(new AuditEntry(clock.instant(), actor.email(), "sip-allow-list", actor.scope(),
                String.join(", ", saved)));
        return saved;
    }

    private static void requirePlatform(Actor actor) {
        if (actor.scope().level() != Level.PLATFORM) {
            throw new ForbiddenException("only the platform manages SIP bans and the allow-list");
        }
    }
}
