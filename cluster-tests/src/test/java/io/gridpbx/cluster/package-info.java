/**
 * Cluster tests: several GridPBX members in one JVM on Hazelcast's mock network, and whole node
 * processes on loopback addresses driven by SIPp, each test crashing a member and checking that
 * no registration and no call is lost.
 */
@NullMarked
package io.gridpbx.cluster;

import org.jspecify.annotations.NullMarked;
