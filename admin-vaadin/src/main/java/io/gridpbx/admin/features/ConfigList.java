package io.gridpbx.admin.features;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.FormDialog;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.admin.shared.Toolbar;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.FieldSpec;
import java.util.List;
import java.util.Map;

/**
 * The actor's objects of one kind: a grid of their first fields, {@code add-config}, and per row
 * {@code edit-<id>} and {@code delete-<id>}; both open the generated form in {@code config-dialog}.
 * A cap of concurrent calls also shows the calls the grid counts against it now ({@code callsNow}),
 * as of the list's last refresh.
 */
final class ConfigList extends VerticalLayout {

    /** How many of the kind's first fields the grid shows. */
    static final int COLUMNS = 4;

    final Button add = Buttons.add("add-config", "config.add", this::openAdd);
    final Grid<ConfigObject> grid = new Grid<>();
    final FormDialog dialog = new FormDialog("config-dialog");
    ConfigForm form;
    private final FeatureConfig config;
    private final Scope actor;
    private final ConfigKind kind;
    private final String title;
    /** Object id → the calls counted against it, read with the list. */
    private Map<String, Integer> counted = Map.of();

    ConfigList(FeatureConfig config, Scope actor, ConfigKind kind, String title) {
        this.config = config;
        this.actor = actor;
        this.kind = kind;
        this.title = title;
        form = new ConfigForm(kind, getLocale());
        setPadding(false);
        setSizeFull();
        grid.setId("config-grid");
        kind.fields().stream().filter(spec -> !ConfigField.wide(spec)).limit(COLUMNS)
                .forEach(this::column);
        if (kind.capsCalls()) {
            grid.addColumn(this::callsNow).setKey("callsNow").setHeader(getTranslation("config.calls-now"))
                    .setAutoWidth(true);
        }
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        add(new Toolbar(add), grid);
        refresh();
    }

    private void column(FieldSpec spec) {
        grid.addColumn(object -> ConfigField.display(spec, object.values().getOrDefault(spec.name(), ""), getLocale()))
                .setKey(spec.name()).setHeader(ConfigField.label(kind, spec, getLocale())).setAutoWidth(true);
    }

    /** An unknown count (no grid answered for it) reads as a dash, never as a reassuring 0. */
    private String callsNow(ConfigObject object) {
        Integer calls = counted.get(object.id());
        return calls == null ? "–" : calls.toString();
    }

    private RowActions actions(ConfigObject object) {
        return new RowActions(object.id()).edit(() -> openEdit(object)).delete(() -> ConfirmDelete.open(object.label(),
                () -> config.delete(actor, kind, object.id()), this::refresh));
    }

    private void openAdd() {
        form = new ConfigForm(kind, getLocale());
        dialog.open(title, form, () -> saved(config.create(actor, kind, form.values())));
    }

    private void openEdit(ConfigObject object) {
        form = new ConfigForm(kind, getLocale());
        form.edit(config.get(actor, kind, object.id()).values());
        dialog.open(object.label(), form, () -> saved(config.update(actor, kind, object.id(), form.values())));
    }

    private void saved(ConfigObject object) {
        refresh();
        Notices.success(getTranslation("saved.named", object.label()));
    }

    private void refresh() {
        List<ConfigObject> objects = config.list(actor, kind);
        counted = config.callsNow(actor, objects);
        grid.setItems(objects);
    }
}
