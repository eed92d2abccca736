/**
 * Registrar bindings: the address of record, the binding set and the RFC 3261 section 10.3 rules that update it, and the store port that keeps it in the grid.
 */
@NullMarked
package io.gridpbx.core.location;

import org.jspecify.annotations.NullMarked;
