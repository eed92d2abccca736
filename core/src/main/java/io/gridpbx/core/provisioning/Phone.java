package io.gridpbx.core.provisioning;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the platform keeps about one desk phone, by MAC, besides the user it belongs to (the user's
 * {@code mac} decides that, so moving a phone is editing two users).
 *
 * @param secretHash      SHA-256 of its provisioning secret ({@link PhoneSecrets}); null until one is issued
 * @param lastProvisioned when it last fetched its configuration; null when it never did
 * @param lastUser        the user ({@code extension@domain}) whose configuration it fetched then
 */
public record Phone(String mac, @Nullable String secretHash, @Nullable Instant lastProvisioned,
        @Nullable String lastUser) {

    public static Phone unseen(String mac) {
        return new Phone(mac, null, null, null);
    }

    public Phone withSecretHash(String hash) {
        return new Phone(mac, hash, lastProvisioned, lastUser);
    }

    public Phone provisioned(Instant at, String user) {
        return new Phone(mac, secretHash, at, user);
    }
}
