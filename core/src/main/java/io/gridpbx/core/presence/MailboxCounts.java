package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.voicemail.Mailbox;
import java.util.concurrent.CompletionStage;

/** How many voicemail messages a user has, heard and not, read without blocking (for message-summary, RFC 3842). */
public interface MailboxCounts {

    CompletionStage<Mailbox.Count> countOf(AddressOfRecord user);
}
