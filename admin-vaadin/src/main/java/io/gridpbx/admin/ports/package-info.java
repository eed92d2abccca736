/** The platform's queue of number-port requests filed by resellers. */
@NullMarked
package io.gridpbx.admin.ports;

import org.jspecify.annotations.NullMarked;
