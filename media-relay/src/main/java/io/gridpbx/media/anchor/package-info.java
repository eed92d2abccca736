/**
 * The relay as the SIP layer sees it: core's {@link io.gridpbx.core.media.MediaRelay} port over the Netty
 * {@link io.gridpbx.media.relay.MediaRelayServer}, one relay session per stream of a call, with a leg
 * facing the caller and one facing the callee.
 */
@NullMarked
package io.gridpbx.media.anchor;

import org.jspecify.annotations.NullMarked;
