/**
 * The tenant-scoped management use cases that the admin UI and the REST API both call: resellers,
 * clients and their balances, users and a user's own settings and picture, with the ports they need
 * beyond the tenant directory ({@link io.gridpbx.core.manage.ProfileCatalog},
 * {@link io.gridpbx.core.manage.PictureStore}, {@code io.gridpbx.core.billing.Balances}). Each method
 * takes the acting scope first; an object outside it is "not found" (a balance outside it is
 * "forbidden", as the balances API says), an operation above its level is "forbidden", a bad form lists
 * its field errors and saves nothing.
 */
@NullMarked
package io.gridpbx.core.manage;

import org.jspecify.annotations.NullMarked;
