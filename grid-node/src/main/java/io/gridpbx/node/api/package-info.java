/**
 * The REST API under {@code /api/v1}: resellers, clients, users, a user's own settings, API tokens and
 * the audit trail, as JSON. A bearer token names the acting scope; every controller calls the same
 * tenant-scoped core services as the admin portal and nothing else, so the API sees exactly what that
 * scope may see, and core's exceptions become 404, 403, 400 and 409 here.
 */
@NullMarked
package io.gridpbx.node.api;

import org.jspecify.annotations.NullMarked;
