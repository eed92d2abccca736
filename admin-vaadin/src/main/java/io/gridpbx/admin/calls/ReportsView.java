package io.gridpbx.admin.calls;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.DatePickers;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.shared.CsvLink;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.admin.shared.Paging;
import io.gridpbx.admin.shared.Toolbar;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.manage.CallRecords;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The call detail records of the acting scope over whole days (from {@code cdrs-from} to
 * {@code cdrs-to}, both included, in the portal's time zone), optionally of one party
 * ({@code cdrs-party}), newest first, page by page; {@code cdrs-csv} downloads the same report.
 */
@Route(value = "reports", layout = MainLayout.class)
class ReportsView extends VerticalLayout implements HasDynamicTitle {

    final DatePicker from;
    final DatePicker to;
    final TextField party = Fields.text("cdrs-party", "cdr.party");
    final Grid<Cdr> grid = new Grid<>();
    final Anchor csv;
    final FormErrors errors;
    private final CallRecords records;
    private final ZoneId zone;
    private final Currency currency;
    private final Scope scope;
    // Read by the CSV download, which runs outside the UI lock.
    private volatile CallRecords.@Nullable Filter filter;

    ReportsView(CallRecords records, Clock clock, AdminSettings settings) {
        this.records = records;
        this.zone = settings.zone();
        this.currency = settings.currency();
        this.scope = AdminSession.require().scope();
        setSizeFull();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        from = DatePickers.of("cdrs-from", getTranslation("cdr.from"), getLocale());
        to = DatePickers.of("cdrs-to", getTranslation("cdr.to"), getLocale());
        from.setValue(today.minusDays(6));
        to.setValue(today);
        errors = new FormErrors("cdrs-error").bind("from", from).bind("to", to);
        party.setValueChangeMode(ValueChangeMode.LAZY);
        party.setClearButtonVisible(true);
        party.setHelperText(getTranslation("cdr.party.help"));
        csv = CsvLink.of("cdrs-csv", "cdr.csv", this::file);
        configureGrid();
        from.addValueChangeListener(change -> applyFilter());
        to.addValueChangeListener(change -> applyFilter());
        party.addValueChangeListener(change -> applyFilter());
        add(new H2(getTranslation("cdr.title")), new Toolbar(from, to, party, csv), errors.general(), grid);
        applyFilter();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cdr.title") + " · GridPBX";
    }

    private void configureGrid() {
        grid.setId("cdrs-grid");
        grid.addColumn(c -> Formats.dateTime(Instant.ofEpochMilli(c.startedAtMillis()), zone, getLocale()))
                .setKey("started").setHeader(getTranslation("call.started")).setAutoWidth(true);
        grid.addColumn(c -> c.caller().toString()).setKey("caller").setHeader(getTranslation("call.caller"));
        grid.addColumn(c -> c.callee().toString()).setKey("callee").setHeader(getTranslation("call.callee"));
        grid.addColumn(c -> CallFactsText.direction(c.facts(), getLocale())).setKey("direction")
                .setHeader(getTranslation("call.direction")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> CallFactsText.number(c.facts())).setKey("number").setHeader(getTranslation("call.number"))
                .setAutoWidth(true);
        grid.addColumn(c -> CallFactsText.gateway(c.facts())).setKey("gateway").setHeader(getTranslation("call.gateway"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> Formats.duration(Duration.ofSeconds(c.billableSeconds()))).setKey("duration")
                .setHeader(getTranslation("call.duration")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Cdr::finalStatus).setKey("status").setHeader(getTranslation("call.status")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> AdminTranslations.find("cdr.disposition." + c.disposition().toLowerCase(Locale.ROOT),
                getLocale()).orElse(c.disposition())).setKey("disposition").setHeader(getTranslation("cdr.disposition"))
                .setAutoWidth(true).setFlexGrow(0);
        // The client's charge: what the actor's level bills or pays; a reseller's own cost is not a client's to see.
        grid.addColumn(c -> CallRecords.chargeOf(c).map(ignored -> Formats.money(c.charge().clientMicros(), currency,
                getLocale())).orElse("")).setKey("charge").setHeader(getTranslation("call.charge"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        Paging.bind(grid, (offset, limit) -> {
            CallRecords.Filter current = filter;
            return current == null ? new Page<>(List.of(), offset, limit, 0)
                    : records.details(scope, current, offset, limit);
        });
    }

    private void applyFilter() {
        filter = null;
        // Whole days, the last one included: the filter's end is the start of the day after.
        errors.attempt(() -> filter = new CallRecords.Filter(startOf(from, "from"),
                startOf(to, "to").plus(Duration.ofDays(1)), party.getValue()));
        csv.setEnabled(filter != null);
        grid.getDataProvider().refreshAll();
    }

    private Instant startOf(DatePicker picker, String field) {
        LocalDate day = picker.getValue();
        if (day == null) {
            throw new ValidationException(FieldError.of(field, "required", "required"));
        }
        return day.atStartOfDay(zone).toInstant();
    }

    private CsvLink.@Nullable File file() {
        CallRecords.Filter current = filter;
        if (current == null) {
            return null;
        }
        LocalDate first = current.from().atZone(zone).toLocalDate();
        LocalDate last = current.to().minusSeconds(1).atZone(zone).toLocalDate();
        String days = first + "-" + last;
        return new CsvLink.File("calls-" + days + ".csv", records.csv(scope, current));
    }
}
