/**
 * Who is signed in and what they may reach: the four levels of the hierarchy, accounts with hashed
 * passwords and lockout, password resets, "log in as" with its audit trail, and API tokens. Every
 * management service takes the acting {@link io.gridpbx.core.access.Scope} and answers only inside it.
 */
@NullMarked
package io.gridpbx.core.access;

import org.jspecify.annotations.NullMarked;
