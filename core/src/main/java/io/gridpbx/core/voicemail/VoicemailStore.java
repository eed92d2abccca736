package io.gridpbx.core.voicemail;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where the mailboxes and their recordings live, cluster-wide. */
public interface VoicemailStore {

    /** The user's mailbox; {@link Mailbox#EMPTY} when nothing was ever left for it. */
    Mailbox mailbox(AddressOfRecord user);

    /** The mailboxes of several users at once (a page of a users list); a user without one is absent. */
    Map<AddressOfRecord, Mailbox> mailboxes(Collection<AddressOfRecord> users);

    /**
     * Changes the user's mailbox as one step against every other change on any node (a message left
     * while its owner deletes another one), and returns the mailbox as it now is. A change that
     * throws leaves the mailbox as it was.
     */
    Mailbox update(AddressOfRecord user, UnaryOperator<Mailbox> change);

    Optional<Recording> recording(String messageId);

    void saveRecording(String messageId, Recording recording);

    void deleteRecording(String messageId);
}
