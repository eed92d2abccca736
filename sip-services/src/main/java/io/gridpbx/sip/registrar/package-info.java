/**
 * The registrar's decision for a REGISTER (RFC 3261 section 10.3): domain, digest authentication, ownership of the address of record, then the binding update in the grid.
 */
@NullMarked
package io.gridpbx.sip.registrar;

import org.jspecify.annotations.NullMarked;
