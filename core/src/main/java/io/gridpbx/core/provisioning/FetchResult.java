package io.gridpbx.core.provisioning;

import io.gridpbx.core.auth.DigestAuthenticator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a provisioning fetch gets: a configuration to render, a common file, or a refusal. */
public sealed interface FetchResult {

    /** A phone's configuration; {@code template} is the reseller's, or null for the vendor's default. */
    record Config(String fileName, PhoneConfig config, @Nullable String template) implements FetchResult {
    }

    /** A vendor's common file (no account in it). */
    record Common(String fileName, PhoneVendor vendor) implements FetchResult {
    }

    /** No such file or phone: 404. */
    record NotFound() implements FetchResult {
    }

    /**
     * Known phone, missing or wrong credentials: 401 with a Basic challenge, and these Digest
     * challenges (in the user's client domain) when the node offers Digest.
     */
    record Unauthorized(List<DigestAuthenticator.DigestChallenge> digest) implements FetchResult {
    }

    /** Too many fetches of unknown phones from this source: 429. */
    record TooMany(long retryAfterSeconds) implements FetchResult {
    }
}
