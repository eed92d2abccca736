package io.gridpbx.core.presence.xcap;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where XCAP documents are kept. A write is conditional: the store checks the request's precondition against
 * the document's current tag and applies the write in one step, where the document lives, so that no other
 * write comes between the check and the change. Calls block the caller (an HTTP thread) for a bounded time;
 * an adapter that cannot answer in time throws {@link io.gridpbx.core.store.StoreUnavailableException}.
 */
public interface XcapStore {

    /** What a conditional write did. */
    enum Outcome {
        CREATED,
        REPLACED,
        DELETED,
        /** A delete found no document (and had no condition that would have failed first). */
        NOT_FOUND,
        /** The precondition did not hold for the document as it was: nothing changed. */
        PRECONDITION_FAILED
    }

    Optional<XcapDocument> find(XcapUri uri);

    /** Stores {@code document} in place of the one at its URI if {@code precondition} allows: CREATED, REPLACED or PRECONDITION_FAILED. */
    Outcome put(XcapDocument document, XcapPrecondition precondition);

    /** Removes the document if there is one and {@code precondition} allows: DELETED, NOT_FOUND or PRECONDITION_FAILED. */
    Outcome delete(XcapUri uri, XcapPrecondition precondition);

    /**
     * The rule every adapter applies to a write, from the tag of the document there now (null if none): pure,
     * so an entry processor can run it on the key's owner, and a replay decides the same.
     *
     * @param put a PUT (true) or a DELETE
     */
    static Outcome decide(@Nullable String currentEtag, boolean put, XcapPrecondition precondition) {
        if (!put && currentEtag == null) {
            // RFC 9110 section 13.2.1: a condition counts only where the answer would otherwise be 2xx.
            return Outcome.NOT_FOUND;
        }
        if (!precondition.allowsWrite(currentEtag)) {
            return Outcome.PRECONDITION_FAILED;
        }
        if (!put) {
            return Outcome.DELETED;
        }
        return currentEtag == null ? Outcome.CREATED : Outcome.REPLACED;
    }
}
