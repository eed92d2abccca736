package io.gridpbx.core.access;

import java.time.Instant;
import java.util.Optional;

/** Pending password resets by the SHA-256 of their token; each is taken once. */
public interface PasswordResets {

    void put(String tokenHash, String email, Instant expiresAt);

    /** Removes and returns the pending reset, if any (a token works once). */
    Optional<Pending> take(String tokenHash);

    record Pending(String email, Instant expiresAt) {
    }
}
