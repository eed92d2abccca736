/** Starts and stops the node's SIP services on top of the grid adapters. */
@NullMarked
package io.gridpbx.node.sip;

import org.jspecify.annotations.NullMarked;
