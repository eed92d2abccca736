package io.gridpbx.core.security;

import java.util.List;

/**
 * The bans and lockouts in force. A ban one node adds is enforced by every node: the reads are asked
 * on every packet, so an adapter answers them from a local copy (no I/O, no logging), which it keeps
 * in step with the others' within a second.
 */
public interface BanList {

    /** Whether every request from this source is refused now. */
    boolean isBanned(String address);

    /** Whether this source may not authenticate as this user ({@code user@realm}) now. */
    boolean isLockedOut(String address, String user);

    /** Adds a ban or a lockout, until its {@link Ban#until()}; this node enforces it at once. */
    void add(Ban ban);

    /** Lifts the ban or lockout with this {@link Ban#key() key}; false when none was in force. */
    boolean lift(String key);

    /** The bans and lockouts in force, in no particular order. */
    List<Ban> active();
}
