/**
 * What every port over shared state may answer besides its result: that the state could not be
 * reached in time. A leaf package, so that every port (bindings, tenants, dialogs) can name the
 * failure without depending on another feature.
 */
@NullMarked
package io.gridpbx.core.store;

import org.jspecify.annotations.NullMarked;
