/**
 * A client's users: the list with their live registration status, the add dialog, the edit page
 * ({@code users/:aor}), delete, "log in as" a user, and the CSV export and all-or-nothing import.
 * All through {@link io.gridpbx.core.manage.UserAdmin}.
 */
@NullMarked
package io.gridpbx.admin.users;

import org.jspecify.annotations.NullMarked;
