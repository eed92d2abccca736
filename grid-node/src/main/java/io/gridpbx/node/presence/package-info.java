/**
 * The presence server's wiring: its grid stores (subscriptions, publications, the calls of watched
 * users, message-waiting counts), the service itself handed to the SIP server, and the grid listeners
 * that tell it what changed.
 */
@NullMarked
package io.gridpbx.node.presence;

import org.jspecify.annotations.NullMarked;
