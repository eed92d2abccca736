package io.gridpbx.admin.features;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.FeatureConfig;

/** A kind with one object per owner (its settings): the form itself, filled, and {@code save}. */
final class ConfigSingle extends VerticalLayout {

    final ConfigForm form;
    final Button save = Buttons.primary("save", "action.save", this::save);
    private final FeatureConfig config;
    private final Scope actor;
    private final ConfigKind kind;

    ConfigSingle(FeatureConfig config, Scope actor, ConfigKind kind) {
        this.config = config;
        this.actor = actor;
        this.kind = kind;
        form = new ConfigForm(kind, getLocale());
        form.edit(config.single(actor, kind).values());
        setPadding(false);
        add(form, save);
    }

    private void save() {
        form.errors.attempt(() -> {
            ConfigObject saved = config.update(actor, kind, ConfigObject.SINGLE_ID, form.values());
            form.edit(saved.values());
            Notices.success(getTranslation("saved"));
        });
    }
}
