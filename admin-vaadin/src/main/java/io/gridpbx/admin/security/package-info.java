/**
 * Who is signed in and where they may go: the {@link io.gridpbx.core.access.Actor} kept in the
 * Vaadin session, the guard that sends anybody signed out to the sign-in page before a view is even
 * built, and the per-level home screens. What an actor may see inside a screen is the services'
 * business (they answer only inside the acting scope); this package only keeps the doors.
 */
@NullMarked
package io.gridpbx.admin.security;

import org.jspecify.annotations.NullMarked;
