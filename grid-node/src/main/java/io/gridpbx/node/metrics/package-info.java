/**
 * What a node tells Prometheus: its SIP traffic, the cluster's registrations and dialogs, the
 * write-behind backlog, the grid's own state and the JVM, at {@code /actuator/prometheus}, open to
 * loopback and to the operator's allow-list or bearer token.
 */
@NullMarked
package io.gridpbx.node.metrics;

import org.jspecify.annotations.NullMarked;
