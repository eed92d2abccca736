package io.gridpbx.admin.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportsViewTest extends AdminUiTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final Instant STARTED = Instant.parse("2026-11-26T09:30:00Z");

    @BeforeEach
    void recordedCalls() {
        record("cdr-today", "200", "201", OFFICE, STARTED);
        record("cdr-acme", "300", "301", "acme.demo.gridpbx.test", STARTED);
        record("cdr-last-month", "202", "201", OFFICE, Instant.parse("2026-10-20T09:00:00Z"));
    }

    private void record(String id, String from, String to, String domain, Instant start) {
        long ms = start.toEpochMilli();
        fixture.calls.record(new Cdr(id, domain, new AddressOfRecord(from, domain), new AddressOfRecord(to, domain), ms,
                ms + 2_000, ms + 92_000, "ANSWERED", "node1"));
    }

    @Test
    void theLastWeeksCallsOfTheClient_areListed_andTheCsvHasThem() {
        signIn("admin@office.demo.gridpbx.test");
        ReportsView view = navigate(ReportsView.class);

        assertThat(view.from.getValue()).isEqualTo(LocalDate.parse("2026-11-20"));
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("caller"))).isEqualTo("200@" + OFFICE);
        assertThat(grid.getCellText(0, grid.getColumnPosition("duration"))).isEqualTo("1:30");
        assertThat(grid.getCellText(0, grid.getColumnPosition("disposition"))).isEqualTo("Answered");
        assertThat(grid.getCellText(0, grid.getColumnPosition("started"))).isEqualTo("Nov 26, 2026, 9:30:00\u202fAM");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test(view.csv).download(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("cdr-today,200@office.demo.gridpbx.test,201@office.demo.gridpbx.test")
                .doesNotContain("cdr-acme").doesNotContain("cdr-last-month");
    }

    @Test
    void aLongerPeriodAndAPartySearch_changeTheReport() {
        signIn("admin@office.demo.gridpbx.test");
        ReportsView view = navigate(ReportsView.class);
        test(view.from).setValue(LocalDate.parse("2026-10-01"));
        assertThat(test(view.grid).size()).isEqualTo(2);
        test(view.party).setValue("202@");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("caller"))).startsWith("202@");
    }

    @Test
    void anEndBeforeTheStart_isShownOnTheField_andTheCsvIsOff() {
        signIn("admin@office.demo.gridpbx.test");
        ReportsView view = navigate(ReportsView.class);
        test(view.to).setValue(LocalDate.parse("2026-11-01"));

        assertThat(view.errors.shown()).containsEntry("to", "The end must be after the start");
        assertThat(test(view.grid).size()).isZero();
        assertThat(view.csv.isEnabled()).isFalse();
    }

    @Test
    void theResellerSeesAllItsClients_inFrench() {
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        signIn("reseller@demo.gridpbx.test");
        VaadinSession.getCurrent().setLocale(Locale.FRENCH);
        ReportsView view = navigate(ReportsView.class);

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getHeaderCell(grid.getColumnPosition("duration"))).isEqualTo("Durée");
        assertThat(grid.getCellText(0, grid.getColumnPosition("started"))).isEqualTo("26 nov. 2026, 09:30:00");
        assertThat(view.from.getI18n().getMonthNames().getFirst()).isEqualTo("janvier");
        assertThat(view.from.getI18n().getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void aCallToThePstn_showsItsDirectionNumberGatewayStatusAndCharge() {
        long ms = STARTED.plusSeconds(600).toEpochMilli();
        CallFacts facts = new CallFacts(Direction.OUTBOUND, "00442079460000", "442079460000", "carrier-b", ms, OFFICE,
                List.of(CdrLeg.gateway("carrier-a", 503, "Service Unavailable"), CdrLeg.gateway("carrier-b", 200, "OK")));
        fixture.calls.record(new Cdr("cdr-uk", OFFICE, new AddressOfRecord("202", OFFICE),
                new AddressOfRecord("00442079460000", OFFICE), ms, ms + 3_000, ms + 64_000, Cdr.ANSWERED, "node1", 200,
                facts, Charge.NONE).rated(new Charge(1_286_000, 1_157_400, "44")));
        fixture.calls.record(Cdr.unanswered("cdr-busy", OFFICE, new AddressOfRecord("202", OFFICE),
                new AddressOfRecord("15145550199", OFFICE), ms + 20_000, "node1", 486,
                new CallFacts(Direction.OUTBOUND, "5145550199", "15145550199", "carrier-a", ms + 10_000, OFFICE,
                        List.of(CdrLeg.gateway("carrier-a", 486, "Busy Here")))));
        signIn("reseller@demo.gridpbx.test");
        ReportsView view = navigate(ReportsView.class);

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(4);
        assertThat(grid.getCellText(0, grid.getColumnPosition("direction"))).isEqualTo("Outbound");
        assertThat(grid.getCellText(0, grid.getColumnPosition("number"))).isEqualTo("15145550199");
        assertThat(grid.getCellText(0, grid.getColumnPosition("status"))).isEqualTo("486");
        assertThat(grid.getCellText(0, grid.getColumnPosition("disposition"))).isEqualTo("Busy");
        assertThat(grid.getCellText(0, grid.getColumnPosition("charge"))).as("unanswered: not rated").isEmpty();
        assertThat(grid.getCellText(1, grid.getColumnPosition("gateway"))).isEqualTo("carrier-b");
        assertThat(grid.getCellText(1, grid.getColumnPosition("duration"))).isEqualTo("1:01");
        assertThat(grid.getCellText(1, grid.getColumnPosition("charge"))).isEqualTo("€1.286");
        assertThat(grid.getCellText(2, grid.getColumnPosition("direction"))).isEqualTo("Internal");
        assertThat(grid.getCellText(2, grid.getColumnPosition("number"))).isEmpty();

        test(view.party).setValue("4420794");
        assertThat(test(view.grid).size()).as("found by the number dialled").isEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test(view.csv).download(out);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList().getLast())
                .endsWith(",200,OUTBOUND,00442079460000,442079460000,carrier-b,office.demo.gridpbx.test,1.286,"
                        + "gateway:carrier-a:503;gateway:carrier-b:200");
    }
}
