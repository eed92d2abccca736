/**
 * Cluster-wide limits on concurrent calls (the carrier stack's "call profiling"): per user, per client
 * and per reseller. A call takes a slot of each of its limits in one check-and-increment where the
 * counter lives, and gives them back when it ends, however it ends.
 */
@NullMarked
package io.gridpbx.core.limits;

import org.jspecify.annotations.NullMarked;
