/**
 * Signing in, choosing the language before it, and the forgotten-password flow (ask for a link, set
 * a new password from it). Refusals never tell which emails have accounts.
 */
@NullMarked
package io.gridpbx.admin.signin;

import org.jspecify.annotations.NullMarked;
