package io.gridpbx.core.provisioning;

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

    /** Known phone, missing or wrong credentials: 401 with a challenge. */
    record Unauthorized() implements FetchResult {
    }

    /** Too many fetches of unknown phones from this source: 429. */
    record TooMany(long retryAfterSeconds) implements FetchResult {
    }
}
