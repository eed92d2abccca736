package io.gridpbx.core.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A source refused until a time: every request from it (a ban), or, with a user, its attempts to
 * authenticate as that user (a lockout; the user's phones elsewhere are not affected).
 *
 * @param address the source IP address, as a literal
 * @param user    {@code user@realm} for a lockout, null for a ban of the whole source
 * @param node    the node that decided it
 */
public record Ban(String address, @Nullable String user, BanReason reason, Instant since, Instant until, String node) {

    /** The key of a ban: the address, or for a lockout the address, a space and the user. */
    public String key() {
        return key(address, user);
    }

    public static String key(String address, @Nullable String user) {
        return user == null ? address : address + " " + user;
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
