/**
 * Established calls as the proxy sees them, and the registry port that tracks them cluster-wide.
 */
@NullMarked
package io.gridpbx.core.dialog;

import org.jspecify.annotations.NullMarked;
