/**
 * The adapters of core's access ports that are not the grid's: bcrypt password hashing and the
 * delivery of password-reset tokens (SMTP when configured, the log otherwise).
 */
@NullMarked
package io.gridpbx.node.access;

import org.jspecify.annotations.NullMarked;
