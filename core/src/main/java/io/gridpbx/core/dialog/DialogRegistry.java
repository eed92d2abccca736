package io.gridpbx.core.dialog;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The cluster-wide list of established calls. Writes must not block the SIP path. */
public interface DialogRegistry {

    void started(Dialog dialog);

    /**
     * A call that ended without being answered (a final answer other than 2xx, a CANCEL): its record,
     * written once per Call-ID. Asynchronous. A registry that keeps no records ignores it.
     */
    default void unanswered(Cdr cdr) {
    }

    void ended(DialogId id);

    /**
     * A dialog the platform ended itself (its media stopped): as {@link #ended(DialogId)}, with that
     * disposition in its CDR instead of {@code ANSWERED}.
     */
    default void ended(DialogId id, String disposition) {
        ended(id);
    }

    /**
     * A target refresh succeeded (a re-INVITE or UPDATE got its 2xx): the sender's and the
     * responder's new Contacts become the dialog's targets ({@link Dialog#refreshed}). Asynchronous.
     */
    void targetRefreshed(DialogId id, String senderTag, String senderContact, String responderContact);

    /**
     * The dialog, if it is up. Asynchronous, as it is read on the SIP path (an in-dialog request that
     * this node's own memory cannot prove); the stage fails with
     * {@link io.gridpbx.core.store.StoreUnavailableException} past the store's deadline.
     */
    CompletionStage<Optional<Dialog>> find(DialogId id);

    int activeCount();

    /** The established calls that node {@code nodeId} set up (and is in the path of), cluster-wide. */
    int activeSetUpBy(String nodeId);

    /** The established calls whose caller or callee is in {@code domain} or below, cluster-wide. */
    List<Dialog> activeWithin(String domain);
}
