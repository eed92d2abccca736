/**
 * The multi-tenant admin and user portal on Vaadin Flow. It arrives with the management-plane issue; the module exists so that the reactor and its edges are in place.
 */
@NullMarked
package io.gridpbx.admin;

import org.jspecify.annotations.NullMarked;
