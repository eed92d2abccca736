/**
 * The frame around every signed-in screen: the reseller's brand, the "log in as" breadcrumb, a
 * reseller's balance, the side navigation of the acting level, a user's avatar, the signed-in email,
 * the language switch (which the account keeps) and sign-out.
 */
@NullMarked
package io.gridpbx.admin.layout;

import org.jspecify.annotations.NullMarked;
