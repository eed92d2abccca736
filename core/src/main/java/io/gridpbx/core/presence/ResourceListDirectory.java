package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.xcap.ResolvedService;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The resource lists a user defined in its rls-services document (RFC 4826 section 4, kept over XCAP),
 * each with its resources resolved. A list URI is looked up in the subscriber's own document: the
 * lists a phone subscribes to are its user's buddy and busy-lamp lists.
 */
@FunctionalInterface
public interface ResourceListDirectory {

    /** No lists: a node without XCAP documents. */
    ResourceListDirectory NONE = (owner, listUri) -> CompletableFuture.completedFuture(Optional.empty());

    /** The service {@code owner} defines for {@code listUri} ({@code sip:name@domain}), read without blocking the caller. */
    CompletionStage<Optional<ResolvedService>> service(AddressOfRecord owner, String listUri);
}
