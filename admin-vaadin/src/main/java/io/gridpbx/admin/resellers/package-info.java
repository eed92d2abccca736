/**
 * The platform's resellers: the list with search, the add dialog, the edit page
 * ({@code resellers/:realm}), delete, and "log in as" a reseller. All through
 * {@link io.gridpbx.core.manage.ResellerAdmin}.
 */
@NullMarked
package io.gridpbx.admin.resellers;

import org.jspecify.annotations.NullMarked;
