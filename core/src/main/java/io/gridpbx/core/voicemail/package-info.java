/**
 * Voicemail: a user's mailbox (the messages left for it, newest first), the recordings apart from
 * it (a message's WAV file, read only when played) and the port that keeps both. The tenant-scoped
 * use cases over it are {@link io.gridpbx.core.manage.Voicemails}.
 */
@NullMarked
package io.gridpbx.core.voicemail;

import org.jspecify.annotations.NullMarked;
