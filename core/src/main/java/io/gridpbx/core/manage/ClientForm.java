package io.gridpbx.core.manage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client as typed or posted.
 *
 * @param domain   the client's SIP domain, or only its first label (completed with the reseller's realm)
 * @param reseller the reseller realm; needed only when the platform acts, a reseller always creates under itself
 * @param password the client admin's first portal password; on an edit, blank keeps it
 * @param digestAlgorithms the digest algorithms its challenges offer ({@code MD5}, {@code SHA-256}, or
 *                 both); null or empty for the platform's default
 * @param mediaRelay when its calls' media go through the relay ({@code always}, {@code when-nat} or
 *                 {@code never}, see {@link io.gridpbx.core.tenancy.NatPolicy#named}); null or blank for {@code when-nat}
 */
public record ClientForm(@Nullable String domain, @Nullable String reseller, @Nullable String name,
        @Nullable String email, @Nullable String language, @Nullable String password,
        @Nullable String maxContactsPerUser, @Nullable List<String> digestAlgorithms, @Nullable String mediaRelay) {

    /** A form that relays media when the phone is behind NAT, the usual setting. */
    public ClientForm(@Nullable String domain, @Nullable String reseller, @Nullable String name,
            @Nullable String email, @Nullable String language, @Nullable String password,
            @Nullable String maxContactsPerUser, @Nullable List<String> digestAlgorithms) {
        this(domain, reseller, name, email, language, password, maxContactsPerUser, digestAlgorithms, null);
    }

    /** A form that leaves the digest algorithms to the platform's default. */
    public ClientForm(@Nullable String domain, @Nullable String reseller, @Nullable String name,
            @Nullable String email, @Nullable String language, @Nullable String password,
            @Nullable String maxContactsPerUser) {
        this(domain, reseller, name, email, language, password, maxContactsPerUser, null);
    }
}
