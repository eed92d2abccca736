/** The platform's alert list: the cluster's active alerts and the cleared ones, with when and by which node. */
@NullMarked
package io.gridpbx.admin.alerts;

import org.jspecify.annotations.NullMarked;
