/**
 * Starts and stops the node's SIP services on top of the grid adapters, and does the node's part
 * towards carriers for the gateways whose partitions it owns: OPTIONS probes and registrations.
 */
@NullMarked
package io.gridpbx.node.sip;

import org.jspecify.annotations.NullMarked;
