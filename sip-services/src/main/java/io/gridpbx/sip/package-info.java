/**
 * SIP services of a node: the settings and the server facade the composition root starts. The
 * SIP stack itself stays in {@code io.gridpbx.sip.jain}; the decisions live in stack-free packages.
 */
@NullMarked
package io.gridpbx.sip;

import org.jspecify.annotations.NullMarked;
