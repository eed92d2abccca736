package io.gridpbx.core.access;

import java.time.Instant;

/**
 * A bearer token for the REST API, acting at one scope. Only the SHA-256 of its secret is kept.
 *
 * @param id a short public name of the token, to list and revoke it
 */
public record ApiToken(String id, String label, String secretHash, Scope scope, String createdBy, Instant createdAt) {
}
