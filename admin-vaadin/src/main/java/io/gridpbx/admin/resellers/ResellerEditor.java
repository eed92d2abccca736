package io.gridpbx.admin.resellers;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.shared.Editor;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.manage.ResellerForm;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.tenancy.Reseller;

/**
 * The reseller form of the add dialog and the edit page. It checks nothing: the service does, field by
 * field. A new reseller's opening balance is its first top-up; the edit page has no balance field.
 */
final class ResellerEditor extends FormLayout implements Editor<Reseller> {

    final TextField realm = Fields.text("realm", "reseller.realm");
    final TextField name = Fields.text("name", "field.name");
    final EmailField email = Fields.email("email", "field.email");
    final TextField discount = Fields.text("discount", "reseller.discount");
    /** The opening balance: shown when the reseller is created, never on an edit (top-ups change it). */
    final TextField balance = Fields.text("balance", "reseller.opening-balance");
    final ComboBox<String> language = LanguageFields.languageCode("language");
    final PasswordField password = Fields.password("password", "field.password");
    final FormErrors errors = new FormErrors("form-error").bind("realm", realm).bind("name", name)
            .bind("email", email).bind("discountPercent", discount).bind("balance", balance)
            .bind("language", language).bind("password", password);

    ResellerEditor() {
        realm.setHelperText(getTranslation("reseller.realm.help"));
        language.setLabel(getTranslation("field.language"));
        language.setValue(Languages.DEFAULT);
        discount.setValue("0");
        discount.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        balance.setHelperText(getTranslation("reseller.opening-balance.help"));
        add(realm, name, email, discount, balance, language, password, errors.general());
        setColspan(errors.general(), 2);
    }

    /** Fills the form to edit a reseller: its realm is its identity and stays as it is. */
    @Override
    public void edit(Reseller reseller) {
        realm.setValue(reseller.realm());
        realm.setReadOnly(true);
        realm.setHelperText(null);
        name.setValue(reseller.name());
        email.setValue(reseller.email() == null ? "" : reseller.email());
        discount.setValue(reseller.discountPercent().toPlainString());
        balance.clear();
        balance.setVisible(false);
        language.setValue(reseller.language());
        password.clear();
        password.setHelperText(getTranslation("field.password.keep"));
    }

    @Override
    public FormErrors errors() {
        return errors;
    }

    ResellerForm form() {
        return new ResellerForm(realm.getValue(), name.getValue(), email.getValue(), discount.getValue(),
                language.getValue(), password.getValue(), balance.isVisible() ? balance.getValue() : null);
    }
}
