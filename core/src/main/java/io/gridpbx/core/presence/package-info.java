/**
 * The presence server (RFC 6665 SUBSCRIBE/NOTIFY): subscriptions to a user's presence (RFC 3856),
 * dialogs (RFC 4235, the busy lamps) and message waiting (RFC 3842), kept in the grid so any node
 * can refresh them and notify their watchers; presence published by the user's own devices
 * (RFC 3903) or derived from its registrations and calls; the rules that decide a subscription's
 * expiry and who may watch whom. {@link io.gridpbx.core.presence.PresenceServer} is the feature's
 * service; the documents themselves are built in {@code body}.
 */
@NullMarked
package io.gridpbx.core.presence;

import org.jspecify.annotations.NullMarked;
