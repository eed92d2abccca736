package io.gridpbx.core.manage;

import static io.gridpbx.core.manage.Forms.text;

import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.gridpbx.core.voicemail.VoicemailStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Users' voicemail: a user lists, plays and deletes its own messages; the managers of its client (and
 * above) see them too and may import messages recorded elsewhere, such as the mailboxes of the PBX
 * GridPBX replaces. Only the mailbox's owner playing a message marks it heard.
 */
public final class Voicemails {

    public static final int MAX_CALLER = 128;

    // Nothing recorded before the century, nor more than a minute ahead of this node's clock.
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final UserAdmin users;
    private final VoicemailStore store;
    private final Clock clock;

    public Voicemails(UserAdmin users, VoicemailStore store, Clock clock) {
        this.users = users;
        this.store = store;
        this.clock = clock;
    }

    /** The user's messages, newest first. */
    public List<VoicemailMessage> list(Scope actor, String user) {
        return store.mailbox(users.get(actor, user).addressOfRecord()).messages();
    }

    public VoicemailMessage get(Scope actor, String user, String messageId) {
        return message(users.get(actor, user).addressOfRecord(), messageId);
    }

    /** A message's recording; played by the mailbox's owner, the message is heard from now on. */
    public Recording play(Scope actor, String user, String messageId) {
        AddressOfRecord owner = users.get(actor, user).addressOfRecord();
        message(owner, messageId);
        Recording recording = store.recording(messageId)
                .orElseThrow(() -> new NotFoundException("voicemail", messageId));
        if (actor.level() == Level.USER) {
            store.update(owner, mailbox -> mailbox.heard(messageId));
        }
        return recording;
    }

    public void delete(Scope actor, String user, String messageId) {
        AddressOfRecord owner = users.get(actor, user).addressOfRecord();
        message(owner, messageId);
        store.update(owner, mailbox -> mailbox.without(messageId));
        store.deleteRecording(messageId);
    }

    /**
     * Leaves a recorded message in the user's mailbox, as the caller left it at that time (now when
     * none is given): how a migration brings over the mailboxes of the system GridPBX replaces.
     * Refused field by field when the caller, the time or the recording is not right; {@link
     * ConflictException} when the mailbox is full.
     */
    public VoicemailMessage deposit(Scope actor, String user, @Nullable String caller, @Nullable String receivedAt,
            byte[] wav) {
        if (!actor.level().isAbove(Level.USER)) {
            throw new ForbiddenException("messages are imported by the client's managers");
        }
        User owner = users.get(actor, user);
        Errors errors = new Errors();
        String from = text(caller);
        errors.check(!from.isEmpty() && from.length() <= MAX_CALLER && from.chars().noneMatch(Character::isISOControl),
                "caller", "caller.invalid", "who left the message: 1 to " + MAX_CALLER + " printable characters");
        Instant at = receivedAt(receivedAt, errors);
        Recording recording = null;
        try {
            recording = Recording.of(wav);
        } catch (IllegalArgumentException bad) {
            errors.check(false, "recording", "recording.invalid", bad.getMessage());
        }
        errors.throwIfAny();
        VoicemailMessage message = new VoicemailMessage(UUID.randomUUID().toString(), from, at,
                recording.seconds(), false);
        store.saveRecording(message.id(), recording);
        try {
            store.update(owner.addressOfRecord(), mailbox -> {
                if (mailbox.isFull()) {
                    throw new ConflictException("voicemail.full",
                            "the mailbox holds " + Mailbox.MAX_MESSAGES + " messages; delete some first");
                }
                return mailbox.with(message);
            });
        } catch (RuntimeException refused) {
            store.deleteRecording(message.id());
            throw refused;
        }
        return message;
    }

    private VoicemailMessage message(AddressOfRecord owner, String messageId) {
        return store.mailbox(owner).find(messageId).orElseThrow(() -> new NotFoundException("voicemail", messageId));
    }

    private Instant receivedAt(@Nullable String typed, Errors errors) {
        Instant now = clock.instant();
        if (text(typed).isEmpty()) {
            return now;
        }
        try {
            Instant at = Instant.parse(text(typed));
            errors.check(!at.isBefore(EARLIEST) && !at.isAfter(now.plus(CLOCK_SKEW)), "receivedAt",
                    "receivedAt.range", "a time from 2000 up to now");
            return at;
        } catch (DateTimeParseException malformed) {
            errors.check(false, "receivedAt", "receivedAt.invalid", "an ISO-8601 instant such as 2026-11-26T09:30:00Z");
            return now;
        }
    }
}
