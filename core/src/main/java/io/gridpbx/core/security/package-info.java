/**
 * The SIP edge's defences as pure, clock-driven rules: a per-source request rate detector with a
 * temporary ban (Kamailio's pike is the model), a password-guessing counter that locks out a source
 * and that source for one user (never the user everywhere), a scanner rule (User-Agent blocklist and
 * a source that keeps earning 403/404), the allow-list that is never banned, and the platform's
 * service over the active bans. Every per-source table is bounded; the ban list itself is a port, so
 * that a ban one node decides is enforced by every node.
 */
@NullMarked
package io.gridpbx.core.security;

import org.jspecify.annotations.NullMarked;
