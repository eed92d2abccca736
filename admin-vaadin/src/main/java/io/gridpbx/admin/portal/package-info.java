/**
 * A user's own portal: its status and profile picture, call settings (do-not-disturb, call waiting, forwards), a fresh SIP
 * secret for a softphone with its QR code, the directory of colleagues, its presence (who watches it,
 * whom it blocks or allows, its busy-lamp list), and the sign-in password (the last one for every level).
 * All through {@link io.gridpbx.core.manage.SelfCare}, {@link io.gridpbx.core.manage.PresenceSettings} and
 * {@link io.gridpbx.core.access.SignIn}.
 */
@NullMarked
package io.gridpbx.admin.portal;

import org.jspecify.annotations.NullMarked;
