/**
 * The frame around every signed-in screen: the "log in as" breadcrumb, the side navigation of the
 * acting level, the signed-in email, the language switch and sign-out.
 */
@NullMarked
package io.gridpbx.admin.layout;

import org.jspecify.annotations.NullMarked;
