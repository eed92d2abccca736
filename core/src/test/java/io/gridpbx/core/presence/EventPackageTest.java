package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventPackageTest {

    @Test
    void byToken_ignoresCase() {
        assertThat(EventPackage.byToken("Presence")).contains(EventPackage.PRESENCE);
        assertThat(EventPackage.byToken("DIALOG")).contains(EventPackage.DIALOG);
        assertThat(EventPackage.byToken("message-summary")).contains(EventPackage.MESSAGE_SUMMARY);
        assertThat(EventPackage.byToken("presence.WINFO")).contains(EventPackage.PRESENCE_WINFO);
    }

    @Test
    void byToken_ofAnUnservedPackage_isEmpty() {
        assertThat(EventPackage.byToken("reg")).isEmpty();
        assertThat(EventPackage.byToken("presence.winfo.x")).isEmpty();
        assertThat(EventPackage.byToken("")).isEmpty();
    }

    @Test
    void allowEvents_listsAllFourPackages() {
        assertThat(EventPackage.allowEvents()).isEqualTo("presence, dialog, message-summary, presence.winfo");
    }

    @Test
    void eachPackage_namesTheBodyTypeOfItsRfc() {
        assertThat(EventPackage.PRESENCE.contentType()).isEqualTo("application/pidf+xml");
        assertThat(EventPackage.DIALOG.contentType()).isEqualTo("application/dialog-info+xml");
        assertThat(EventPackage.MESSAGE_SUMMARY.contentType()).isEqualTo("application/simple-message-summary");
        assertThat(EventPackage.PRESENCE_WINFO.contentType()).isEqualTo("application/watcherinfo+xml");
    }
}
