/**
 * Small pieces every feature's screens share: showing a service's field errors next to their fields,
 * the delete confirmation, the "not found" panel and the registration badge.
 */
@NullMarked
package io.gridpbx.admin.shared;

import org.jspecify.annotations.NullMarked;
