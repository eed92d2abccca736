/**
 * A graceful leave: a draining node is withdrawn from DNS, turns new calls and registrations away
 * with 503, lets the calls it set up finish up to a deadline, and then leaves the cluster cleanly
 * (its write-behind flushed, its partitions handed over). The basis of rolling upgrades.
 */
@NullMarked
package io.gridpbx.node.drain;

import org.jspecify.annotations.NullMarked;
