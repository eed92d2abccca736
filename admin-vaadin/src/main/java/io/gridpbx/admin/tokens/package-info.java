/**
 * The API tokens of the acting scope: list, create (the secret is shown once) and revoke, through
 * {@link io.gridpbx.core.access.ApiTokens}.
 */
@NullMarked
package io.gridpbx.admin.tokens;

import org.jspecify.annotations.NullMarked;
