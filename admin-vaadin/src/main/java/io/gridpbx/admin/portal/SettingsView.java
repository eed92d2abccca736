package io.gridpbx.admin.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.manage.SettingsForm;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.User;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The user's call settings; the proxy reads them on the next call, on every node. */
@Route(value = "portal/settings", layout = MainLayout.class)
@ForLevels(Level.USER)
class SettingsView extends VerticalLayout implements HasDynamicTitle {

    final Checkbox dnd = new Checkbox(getTranslation("settings.dnd"));
    final Checkbox callWaiting = new Checkbox(getTranslation("settings.call-waiting"));
    final TextField forwardUnconditional = Fields.text("forward-unconditional", "settings.forward-unconditional");
    final TextField forwardBusy = Fields.text("forward-busy", "settings.forward-busy");
    final TextField forwardNoAnswer = Fields.text("forward-no-answer", "settings.forward-no-answer");
    final TextField noAnswerSeconds = Fields.text("no-answer-seconds", "settings.no-answer-seconds");
    final ComboBox<String> language = LanguageFields.languageCode("language");
    final Button save = new Button(getTranslation("action.save"));
    final FormErrors errors = new FormErrors("form-error").bind("forwardUnconditional", forwardUnconditional)
            .bind("forwardBusy", forwardBusy).bind("forwardNoAnswer", forwardNoAnswer)
            .bind("noAnswerSeconds", noAnswerSeconds).bind("language", language);
    private final SelfCare selfCare;

    SettingsView(SelfCare selfCare) {
        this.selfCare = selfCare;
        dnd.setId("dnd");
        callWaiting.setId("call-waiting");
        language.setLabel(getTranslation("field.language"));
        String forwardHelp = getTranslation("settings.forward.help");
        forwardUnconditional.setHelperText(forwardHelp);
        forwardBusy.setHelperText(forwardHelp);
        forwardNoAnswer.setHelperText(forwardHelp);
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
        show(selfCare.me(AdminSession.require().scope()));
        FormLayout form = new FormLayout(dnd, callWaiting, forwardUnconditional, forwardBusy, forwardNoAnswer,
                noAnswerSeconds, language, errors.general());
        add(new H2(getTranslation("nav.settings")), form, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.settings") + " · GridPBX";
    }

    private void show(User me) {
        CallSettings settings = me.callSettings();
        dnd.setValue(settings.doNotDisturb());
        callWaiting.setValue(settings.callWaiting());
        forwardUnconditional.setValue(nz(settings.forwardUnconditional()));
        forwardBusy.setValue(nz(settings.forwardBusy()));
        forwardNoAnswer.setValue(nz(settings.forwardNoAnswer()));
        noAnswerSeconds.setValue(Integer.toString(settings.noAnswerSeconds()));
        language.setValue(me.language());
    }

    private void save() {
        try {
            User saved = selfCare.updateSettings(AdminSession.require(), new SettingsForm(dnd.getValue(),
                    callWaiting.getValue(), forwardUnconditional.getValue(), forwardBusy.getValue(),
                    forwardNoAnswer.getValue(), noAnswerSeconds.getValue(), language.getValue()));
            errors.clear();
            Locale chosen = AdminTranslations.of(saved.language());
            if (!chosen.equals(AdminTranslations.supported(getLocale()))) {
                VaadinSession.getCurrent().setLocale(chosen);
                UI.getCurrent().refreshCurrentRoute(true);
            } else {
                show(saved);
            }
            Notices.success(getTranslation("settings.saved"));
        } catch (ValidationException refused) {
            errors.show(refused, getLocale());
        }
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text;
    }
}
