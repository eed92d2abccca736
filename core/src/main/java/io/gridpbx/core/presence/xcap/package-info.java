/**
 * The XCAP server's rules (RFC 4825) for the two documents the presence server reads: each user's
 * {@code resource-lists} (RFC 4826 section 3) and {@code rls-services} (section 4), kept whole. Here are
 * the URI a document lives at ({@link io.gridpbx.core.presence.xcap.XcapUri}), who may read and write it,
 * how a PUT is validated and answered (415, 413, 409 with an {@code <xcap-error>} body, 412 for a failed
 * condition), the strong entity tags that make concurrent edits safe, and the {@link
 * io.gridpbx.core.presence.xcap.XcapStore} port whose adapters check those tags where the document is kept,
 * so that of two conditional writes only one wins. Nothing here speaks HTTP or touches a grid.
 */
@NullMarked
package io.gridpbx.core.presence.xcap;

import org.jspecify.annotations.NullMarked;
