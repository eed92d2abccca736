/** The audit trail inside the acting scope, newest first, through {@link io.gridpbx.core.access.AuditLog}. */
@NullMarked
package io.gridpbx.admin.audit;

import org.jspecify.annotations.NullMarked;
