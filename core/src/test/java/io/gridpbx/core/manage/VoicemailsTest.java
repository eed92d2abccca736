package io.gridpbx.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.gridpbx.core.voicemail.Wavs;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mailboxes: imported by a client's managers, played and deleted by their owner, counted in the users list. */
class VoicemailsTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final String ME = "202@" + OFFICE;
    private static final Scope USER = Scope.user(AddressOfRecord.parse(ME));
    private static final Scope CLIENT = Scope.client(OFFICE);
    private static final Scope OTHER_RESELLER = Scope.reseller("other.gridpbx.test");

    private final ManagementFixture f = new ManagementFixture();

    @Test
    void aClientImportsAMessage_andItsOwnerListsItNewestFirst() {
        f.voicemails.deposit(CLIENT, ME, "+15145550100", "2026-11-20T08:00:00Z", Wavs.pcm(4));
        VoicemailMessage newer = f.voicemails.deposit(CLIENT, ME, "sip:300@office.demo.gridpbx.test", null, Wavs.pcm(2));

        assertThat(f.voicemails.list(USER, ME)).extracting(VoicemailMessage::caller)
                .containsExactly("sip:300@office.demo.gridpbx.test", "+15145550100");
        assertThat(newer.receivedAt()).isEqualTo(f.clock.instant());
        assertThat(newer.seconds()).isEqualTo(2);
        assertThat(newer.heard()).isFalse();
    }

    @Test
    void playingItAsItsOwner_marksItHeard_butAManagerListeningDoesNot() {
        VoicemailMessage m = f.voicemails.deposit(CLIENT, ME, "+15145550100", null, Wavs.pcm(1));

        assertThat(f.voicemails.play(CLIENT, ME, m.id()).bytes()).isEqualTo(Wavs.pcm(1));
        assertThat(f.users.row(f.users.get(CLIENT, ME)).voicemail()).isEqualTo(new Mailbox.Count(1, 1));

        f.voicemails.play(USER, ME, m.id());

        assertThat(f.voicemails.list(USER, ME)).singleElement().extracting(VoicemailMessage::heard).isEqualTo(true);
        assertThat(f.users.list(CLIENT, OFFICE, "202", 0, 10).items()).singleElement()
                .extracting(UserAdmin.Row::voicemail).isEqualTo(new Mailbox.Count(0, 1));
    }

    @Test
    void deletingAMessage_removesItsRecordingToo() {
        VoicemailMessage m = f.voicemails.deposit(CLIENT, ME, "+15145550100", null, Wavs.pcm(1));

        f.voicemails.delete(USER, ME, m.id());

        assertThat(f.voicemails.list(USER, ME)).isEmpty();
        assertThat(f.voicemail.recordingCount()).isZero();
        assertThatThrownBy(() -> f.voicemails.play(USER, ME, m.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.voicemails.delete(USER, ME, m.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTenant_findsNeitherTheMailboxNorItsMessages() {
        VoicemailMessage m = f.voicemails.deposit(CLIENT, ME, "+15145550100", null, Wavs.pcm(1));
        Scope colleague = Scope.user(AddressOfRecord.parse("203@" + OFFICE));

        assertThatThrownBy(() -> f.voicemails.list(OTHER_RESELLER, ME)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.voicemails.play(colleague, ME, m.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.voicemails.delete(OTHER_RESELLER, ME, m.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.voicemails.deposit(OTHER_RESELLER, ME, "x", null, Wavs.pcm(1)))
                .isInstanceOf(NotFoundException.class);
        // A message id from someone else's mailbox is not found in one's own.
        assertThatThrownBy(() -> f.voicemails.play(colleague, "203@" + OFFICE, m.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.voicemails.list(USER, ME)).hasSize(1);
    }

    @Test
    void aUser_doesNotImportMessages() {
        assertThatThrownBy(() -> f.voicemails.deposit(USER, ME, "x", null, Wavs.pcm(1)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aBadImport_listsEveryBadField_andLeavesNothing() {
        assertThatThrownBy(() -> f.voicemails.deposit(CLIENT, ME, " ", "yesterday", "not audio".getBytes()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("caller", "receivedAt", "recording"));
        assertThatThrownBy(() -> f.voicemails.deposit(CLIENT, ME, "a\u0000b", "2030-01-01T00:00:00Z", Wavs.pcm(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code).containsExactlyInAnyOrder("caller.invalid", "receivedAt.range"));

        assertThat(f.voicemails.list(USER, ME)).isEmpty();
        assertThat(f.voicemail.recordingCount()).isZero();
    }

    @Test
    void aFullMailbox_refusesTheNextMessage_andKeepsNoRecordingOfIt() {
        IntStream.range(0, Mailbox.MAX_MESSAGES).forEach(i -> f.voicemails.deposit(CLIENT, ME, "caller " + i,
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i).toString(), Wavs.pcm(0)));

        assertThatThrownBy(() -> f.voicemails.deposit(CLIENT, ME, "one too many", null, Wavs.pcm(0)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("voicemail.full"));

        assertThat(f.voicemails.list(USER, ME)).hasSize(Mailbox.MAX_MESSAGES);
        assertThat(f.voicemail.recordingCount()).isEqualTo(Mailbox.MAX_MESSAGES);
    }

    @Test
    void deletingTheUser_emptiesItsMailbox() {
        f.voicemails.deposit(CLIENT, ME, "+15145550100", null, Wavs.pcm(1));

        f.users.delete(CLIENT, AddressOfRecord.parse(ME));

        assertThat(f.voicemail.mailbox(AddressOfRecord.parse(ME)).messages()).isEmpty();
        assertThat(f.voicemail.recordingCount()).isZero();
    }
}
