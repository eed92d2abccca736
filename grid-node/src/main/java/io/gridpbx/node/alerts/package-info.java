/**
 * Alerts evaluated in the cluster: the oldest member decides the cluster-wide conditions (a node left,
 * a registration drop, international calls), each node its own (its backlog, its database); raise and
 * clear are atomic in the grid, so an alert is raised once and cleared once whichever member evaluates,
 * and the member that made a transition delivers it (webhook, mail) off the evaluation thread.
 */
@NullMarked
package io.gridpbx.node.alerts;

import org.jspecify.annotations.NullMarked;
