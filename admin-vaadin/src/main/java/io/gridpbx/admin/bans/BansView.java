package io.gridpbx.admin.bans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanAdmin;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sources the SIP edge refuses now (floods, password guessing, scanners, probing), each with its
 * unban button ({@code unban-<address>}), and the platform's allow-list, one address or CIDR a line.
 */
@Route(value = "bans", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class BansView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Ban> grid = new Grid<>();
    final TextArea allowList = new TextArea();
    final Button saveAllowList = new Button();
    private final BanAdmin bans;

    BansView(BanAdmin bans, AdminSettings settings) {
        this.bans = bans;
        setSizeFull();
        grid.setId("bans-grid");
        grid.addColumn(Ban::address).setKey("address").setHeader(getTranslation("bans.address"));
        grid.addColumn(b -> b.user() == null ? getTranslation("bans.everyone") : b.user()).setKey("user")
                .setHeader(getTranslation("bans.user"));
        grid.addColumn(b -> getTranslation("bans.reason." + b.reason().name().toLowerCase(Locale.ROOT)))
                .setKey("reason").setHeader(getTranslation("bans.reason"));
        grid.addColumn(b -> Formats.dateTime(b.until(), settings.zone(), getLocale())).setKey("until").setHeader(getTranslation("bans.until"));
        grid.addColumn(Ban::node).setKey("node").setHeader(getTranslation("bans.node"));
        grid.addComponentColumn(this::unbanButton).setKey("unban");
        allowList.setId("allow-list");
        allowList.setWidthFull();
        allowList.setLabel(getTranslation("bans.allow-list"));
        allowList.setHelperText(getTranslation("bans.allow-list.help"));
        saveAllowList.setId("save-allow-list");
        saveAllowList.setText(getTranslation("action.save"));
        saveAllowList.addClickListener(click -> save());
        add(new H2(getTranslation("nav.bans")), new Paragraph(getTranslation("bans.help")), grid,
                new H3(getTranslation("bans.allow-list")), allowList, saveAllowList);
        refresh();
        allowList.setValue(String.join("\n", bans.allowList(AdminSession.require())));
    }

    private Button unbanButton(Ban ban) {
        Button unban = new Button(getTranslation("bans.unban"));
        unban.setId("unban-" + ban.address());
        unban.addClickListener(click -> {
            try {
                bans.unban(AdminSession.require(), ban.address());
                Notices.success(getTranslation("bans.lifted", ban.address()));
            } catch (NotFoundException gone) {
                Notices.failure(getTranslation("bans.gone", ban.address()));
            }
            refresh();
        });
        return unban;
    }

    private void save() {
        List<String> lines = Arrays.stream(allowList.getValue().split("\\R")).map(String::strip).toList();
        try {
            List<String> saved = bans.saveAllowList(AdminSession.require(), lines);
            allowList.setInvalid(false);
            allowList.setValue(String.join("\n", saved));
            Notices.success(getTranslation("bans.allow-list.saved"));
        } catch (ValidationException refused) {
            allowList.setErrorMessage(refused.errors().stream().map(e -> describe(e, lines))
                    .collect(Collectors.joining(" ")));
            allowList.setInvalid(true);
        }
    }

    /** "Line 2 (pbx.example.com): not an IP address..." — the field is {@code allowList[index]}. */
    private String describe(FieldError error, List<String> lines) {
        int index = Integer.parseInt(error.field().replaceAll("\\D", ""));
        return getTranslation("bans.allow-list.line", index + 1, lines.get(index)) + " " + ErrorTexts.of(error, getLocale());
    }

    private void refresh() {
        grid.setItems(bans.active(AdminSession.require()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.bans") + " · GridPBX";
    }
}
