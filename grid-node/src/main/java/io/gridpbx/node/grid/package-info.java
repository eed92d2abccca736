/**
 * The Hazelcast side of a node: the member configuration, the map names, the entry processors and
 * serializers, and the grid adapters of core's ports. The only place that builds a Hazelcast
 * {@code Config}.
 */
@NullMarked
package io.gridpbx.node.grid;

import org.jspecify.annotations.NullMarked;
