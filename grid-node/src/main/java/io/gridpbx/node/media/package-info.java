/**
 * The node's media relay: the Netty relay started on the SIP host with the configured port range,
 * handed to the SIP layer through core's port, its idle calls ended, its totals exposed.
 */
@NullMarked
package io.gridpbx.node.media;

import org.jspecify.annotations.NullMarked;
