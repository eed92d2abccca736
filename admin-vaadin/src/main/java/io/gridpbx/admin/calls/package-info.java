/**
 * Calls as each level may see them, through {@link io.gridpbx.core.manage.CallRecords}: the calls
 * going on now across the cluster ({@code calls}, refreshed by hand and every few seconds) and the
 * call detail records of a period ({@code reports}), searched, paged and downloaded as CSV.
 */
@NullMarked
package io.gridpbx.admin.calls;

import org.jspecify.annotations.NullMarked;
