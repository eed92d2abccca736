/**
 * The XCAP server on every node's HTTP port ({@code /xcap/**}, RFC 4825): users read and write their
 * resource-lists and rls-services documents with their SIP credentials, by HTTP Digest checked like a
 * REGISTER (the cluster's nonces and replay counts) or by Basic. The rules are core's
 * {@link io.gridpbx.core.presence.xcap.XcapDocuments}; the documents live in the grid
 * ({@code presence.xcap}), so every node answers for every user.
 */
@NullMarked
package io.gridpbx.node.xcap;

import org.jspecify.annotations.NullMarked;
