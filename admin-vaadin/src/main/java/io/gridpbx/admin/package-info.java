/**
 * The multi-tenant admin and user portal on Vaadin Flow, packaged by feature: sign-in, the four
 * levels' screens (resellers, clients, users, the user's portal), trunking (gateways, routes, DIDs),
 * calls and call reports, the configuration kinds of each level, API tokens and the audit trail.
 * Every view talks to the tenant-scoped services of {@code io.gridpbx.core} with the acting scope of
 * the signed-in {@link io.gridpbx.core.access.Actor}; none reads a map or a table. Only stock
 * components are used, so the pre-compiled production bundle serves them without Node.
 */
@NullMarked
package io.gridpbx.admin;

import org.jspecify.annotations.NullMarked;
