package io.gridpbx.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.gridpbx.core.voicemail.Wavs;
import org.junit.jupiter.api.Test;

class VoicemailViewTest extends AdminUiTest {

    private static final String ME = "202@office.demo.gridpbx.test";

    private VoicemailMessage leave(String caller, String at) {
        return fixture.voicemails.deposit(Scope.client("office.demo.gridpbx.test"), ME, caller, at, Wavs.pcm(65));
    }

    @Test
    void theUserSeesItsMessagesNewestFirst_playsOne_andItIsHeard() {
        leave("+15145550100", "2026-11-20T08:00:00Z");
        VoicemailMessage newer = leave("sip:300@acme.demo.gridpbx.test", "2026-11-21T08:00:00Z");
        signIn(ME);

        VoicemailView view = navigate(VoicemailView.class);

        assertThat(test(view.grid).size()).isEqualTo(2);
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("caller"))).isEqualTo("sip:300@acme.demo.gridpbx.test");
        assertThat(grid.getCellText(0, grid.getColumnPosition("duration"))).isEqualTo("1:05");
        assertThat(grid.getCellComponent(0, "state").getElement().getText()).isEqualTo("New");
        assertThat(view.empty.isVisible()).isFalse();

        test(rowButton(view.grid, "play-" + newer.id())).click();

        assertThat(view.player.getElement().getAttribute("src")).isNotBlank();
        assertThat(fixture.voicemails.get(Scope.client("office.demo.gridpbx.test"), ME, newer.id()).heard()).isTrue();
        assertThat(navigate(PortalHomeView.class).voicemail.getText()).isEqualTo("1 new of 2");
    }

    @Test
    void deletingAMessage_removesItFromTheList() {
        VoicemailMessage only = leave("+15145550100", null);
        signIn(ME);
        VoicemailView view = navigate(VoicemailView.class);

        test(rowButton(view.grid, "delete-" + only.id())).click();
        roundTrip();
        test($(Button.class).id("confirm-delete")).click();

        assertThat(test(view.grid).size()).isZero();
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(fixture.voicemail.recordingCount()).isZero();
    }
}
