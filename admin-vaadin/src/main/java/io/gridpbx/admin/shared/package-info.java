/**
 * Small pieces every feature's screens share: the search box, paged grids, row actions, the add/edit
 * dialog and the edit page of one object, showing a service's field errors next to their fields, the
 * delete confirmation, the "not found" panel and the registration badge.
 */
@NullMarked
package io.gridpbx.admin.shared;

import org.jspecify.annotations.NullMarked;
