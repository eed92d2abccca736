/**
 * Alerts an operator must see: what can go wrong in the cluster (a node left, a gateway down, the
 * write-behind backlog, the database away, a registration drop, a fraud signal), the pure rules that
 * decide when a condition holds, and the transitions (raise once, clear once) that the grid applies.
 */
@NullMarked
package io.gridpbx.core.alerts;

import org.jspecify.annotations.NullMarked;
