/**
 * Cluster tests: several GridPBX members in one JVM on Hazelcast's mock network, and whole node
 * processes on loopback addresses driven by SIPp, each test crashing a member and checking that
 * no registration and no call is lost; and real phones (baresip) registering and calling through
 * a node, asserted from their own output and control events.
 */
@NullMarked
package io.gridpbx.cluster;

import org.jspecify.annotations.NullMarked;
