/**
 * The proxy's decisions that need no SIP stack: who the caller is, whether it may reach the callee, and loop detection.
 */
@NullMarked
package io.gridpbx.sip.proxy;

import org.jspecify.annotations.NullMarked;
