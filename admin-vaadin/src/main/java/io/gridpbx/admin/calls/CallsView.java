package io.gridpbx.admin.calls;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.Toolbar;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.manage.CallRecords;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.media.MediaSession;
import io.gridpbx.core.media.RelayedLeg;
import io.gridpbx.core.media.RelayedStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The calls going on now in the acting scope, cluster-wide: refreshed by {@code calls-refresh} and,
 * while the screen is open, every {@value #POLL_MILLIS} ms.
 */
@Route(value = "calls", layout = MainLayout.class)
class CallsView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 5000;
    private static final int HANG_UP_WAIT_SECONDS = 5;

    final Button refresh = Buttons.small("calls-refresh", "calls.refresh", VaadinIcon.REFRESH, this::refresh);
    final Span count = new Span();
    final Grid<Dialog> grid = new Grid<>();
    private final CallRecords records;
    private final Clock clock;
    private final Scope scope;
    private @Nullable Registration polling;
    private Map<String, MediaSession> media = Map.of();

    CallsView(CallRecords records, Clock clock, AdminSettings settings) {
        this.records = records;
        this.clock = clock;
        this.scope = AdminSession.require().scope();
        setSizeFull();
        count.setId("calls-count");
        grid.setId("calls-grid");
        grid.addColumn(d -> d.caller().toString()).setKey("caller").setHeader(getTranslation("call.caller"));
        grid.addColumn(d -> d.callee().toString()).setKey("callee").setHeader(getTranslation("call.callee"));
        grid.addColumn(d -> CallFactsText.direction(d.facts(), getLocale())).setKey("direction")
                .setHeader(getTranslation("call.direction")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> CallFactsText.number(d.facts())).setKey("number").setHeader(getTranslation("call.number"))
                .setAutoWidth(true);
        grid.addColumn(d -> CallFactsText.gateway(d.facts())).setKey("gateway").setHeader(getTranslation("call.gateway"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> Formats.dateTime(Instant.ofEpochMilli(d.startedAtMillis()), settings.zone(), getLocale()))
                .setKey("started").setHeader(getTranslation("call.started")).setAutoWidth(true);
        grid.addColumn(d -> Formats.duration(Duration.between(Instant.ofEpochMilli(d.startedAtMillis()),
                        clock.instant())))
                .setKey("duration").setHeader(getTranslation("call.duration")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Dialog::nodeId).setKey("node").setHeader(getTranslation("call.node")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> media(d.id().callId())).setKey("media").setHeader(getTranslation("call.media"))
                .setAutoWidth(true);
        if (scope.level().isAbove(Level.USER)) {
            grid.addComponentColumn(this::hangUpButton).setKey("hang-up").setAutoWidth(true).setFlexGrow(0);
        }
        add(new H2(getTranslation("calls.title")), new Toolbar(count, refresh), grid);
        refresh();
    }

    private Button hangUpButton(Dialog call) {
        String callId = call.id().callId();
        return Buttons.small("hang-up-" + callId, "calls.hang-up", VaadinIcon.PHONE, () -> hangUp(callId));
    }

    /** Ends the call through the member that routed it (a BYE to each party), then shows the list again. */
    private void hangUp(String callId) {
        try {
            boolean ended = records.hangUp(scope, callId).toCompletableFuture().get(HANG_UP_WAIT_SECONDS, TimeUnit.SECONDS);
            if (ended) {
                Notices.success(getTranslation("calls.hung-up"));
            } else {
                Notices.failure(getTranslation("calls.gone"));
            }
        } catch (NotFoundException gone) {
            Notices.failure(getTranslation("calls.gone"));
        } catch (ExecutionException | TimeoutException failed) {
            Notices.failure(getTranslation("calls.hang-up-failed"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        refresh();
    }

    /** "relayed by 127.0.0.1:5060 · 1,234 packets · 0.2 % lost · jitter 3 ms", or "direct" when not relayed. */
    private String media(String callId) {
        MediaSession session = media.get(callId);
        if (session == null) {
            return getTranslation("call.media.direct");
        }
        long lost = 0;
        long expected = 0;
        double jitter = 0;
        for (RelayedStream stream : session.streams()) {
            for (RelayedLeg leg : List.of(stream.caller(), stream.callee())) {
                lost += Math.max(0, leg.lost());
                expected += leg.packets() + Math.max(0, leg.lost());
                jitter = Math.max(jitter, leg.jitterMillis());
            }
        }
        double lossPercent = expected == 0 ? 0 : 100.0 * lost / expected;
        return getTranslation("call.media.relayed", session.node(), session.packets(),
                String.format(getLocale(), "%.1f", lossPercent), Math.round(jitter));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calls.title") + " · GridPBX";
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(POLL_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
    }

    private void refresh() {
        List<Dialog> active = records.active(scope);
        media = records.media(active);
        grid.setItems(active);
        count.setText(getTranslation("calls.count", active.size()));
    }
}
