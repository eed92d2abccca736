/**
 * Overload control of a node's SIP edge, free of the SIP stack: how urgent a request is, and the
 * rule that turns new work away early (503 with Retry-After, RFC 3261 section 21.5.4) when the
 * node's backlog, measured as queue delay, stays above its target.
 */
@NullMarked
package io.gridpbx.sip.overload;

import org.jspecify.annotations.NullMarked;
