/** The platform's view of the SIP edge: the bans and lockouts in force, unban, and the allow-list. */
@NullMarked
package io.gridpbx.admin.bans;

import org.jspecify.annotations.NullMarked;
