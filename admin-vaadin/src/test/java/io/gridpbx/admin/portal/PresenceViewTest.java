package io.gridpbx.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventHeader;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.SubscribeOutcome;
import io.gridpbx.core.presence.SubscribeRequest;
import io.gridpbx.core.presence.body.Entry;
import io.gridpbx.core.store.Stages;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceViewTest extends AdminUiTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ME = new AddressOfRecord("202", OFFICE);
    private static final AddressOfRecord COLLEAGUE = new AddressOfRecord("203", OFFICE);

    private SubscribeOutcome watch(String callId, AddressOfRecord watcher, String event) {
        return Stages.await(fixture.presenceServer.subscribe(new SubscribeRequest(callId, "wt", null,
                EventHeader.parse(event), watcher, ME, new DialogTarget("sip:" + watcher.user() + "@192.0.2.10", List.of()),
                null, 600, "node-a")));
    }

    @Test
    void theUserSeesWhoWatches_blocksAColleague_andItsSubscriptionsEnd() {
        watch("c1", COLLEAGUE, "presence");
        watch("c2", COLLEAGUE, "dialog");
        signIn(ME.toString());

        PresenceView view = navigate(PresenceView.class);

        var grid = test(view.watchers);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, grid.getColumnPosition("watcher"))).isEqualTo(COLLEAGUE.toString());
        assertThat(grid.getCellText(0, grid.getColumnPosition("package"))).isEqualTo("Presence");
        assertThat(grid.getCellText(1, grid.getColumnPosition("package"))).isEqualTo("Calls (busy lamp)");

        test(rowButton(view.watchers, "block-203-office.demo.gridpbx.test-presence")).click();

        assertThat(view.noWatchers.isVisible()).isTrue();
        assertThat(fixture.subscriptions.watched(ME, EventPackage.DIALOG)).isFalse();
        assertThat(test(view.blocked).size()).isEqualTo(1);
        assertThat(watch("c3", COLLEAGUE, "presence")).isEqualTo(new SubscribeOutcome.Refused(403, "Watcher Blocked"));

        test(rowButton(view.blocked, "unblock-203")).click();

        assertThat(test(view.blocked).size()).isZero();
        assertThat(watch("c4", COLLEAGUE, "presence")).isInstanceOf(SubscribeOutcome.Accepted.class);
    }

    @Test
    void allowingAnOutsider_validatesTheAddress_asAFormMessage() {
        signIn(ME.toString());
        PresenceView view = navigate(PresenceView.class);

        test(view.allowField).setValue("201@" + OFFICE);
        test($(Button.class).id("allow")).click();

        assertThat(view.allowErrors.shown()).containsEntry("watcher", "Your colleagues see you unless you block them");
        assertThat(test(view.allowed).size()).isZero();

        test(view.allowField).setValue("sip:300@acme.demo.gridpbx.test");
        test($(Button.class).id("allow")).click();

        assertThat(view.allowErrors.shown()).isEmpty();
        assertThat(test(view.allowed).size()).isEqualTo(1);
        assertThat(watch("c1", new AddressOfRecord("300", "acme.demo.gridpbx.test"), "presence"))
                .isInstanceOf(SubscribeOutcome.Accepted.class);
    }

    @Test
    void theBlfList_isSavedInOrder_asTheUsersXcapList_andBadKeysAreShownOnTheField() {
        signIn(ME.toString());
        PresenceView view = navigate(PresenceView.class);

        test(view.blf).setValue("205\n299");
        test($(Button.class).id("save-blf")).click();

        assertThat(view.blfErrors.shown()).containsEntry("blf", "Not an extension of your company");

        test(view.blf).setValue("205\nsip:201@" + OFFICE + "\n200");
        test($(Button.class).id("save-blf")).click();

        assertThat(view.blfErrors.shown()).isEmpty();
        assertThat(view.blf.getValue()).isEqualTo("205\n201\n200");
        assertThat(fixture.presence.blfList(Scope.client(OFFICE), ME.toString())).extracting(Entry::uri)
                .containsExactly("sip:205@" + OFFICE, "sip:201@" + OFFICE, "sip:200@" + OFFICE);
        assertThat(navigate(PresenceView.class).blf.getValue()).isEqualTo("205\n201\n200");
    }
}
