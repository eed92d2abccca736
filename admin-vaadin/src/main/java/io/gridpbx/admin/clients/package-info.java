/**
 * A reseller's clients (the platform sees all of them): the list with search, the add dialog, the
 * edit page ({@code clients/:domain}), delete, and "log in as" a client. All through
 * {@link io.gridpbx.core.manage.ClientAdmin}.
 */
@NullMarked
package io.gridpbx.admin.clients;

import org.jspecify.annotations.NullMarked;
