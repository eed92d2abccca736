package io.gridpbx.admin.clients;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.shared.Editor;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.manage.ClientForm;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.Client;
import java.util.List;

/**
 * The client form of the add dialog and the edit page. The reseller field shows only when the
 * platform acts: a reseller always creates clients under itself.
 */
final class ClientEditor extends FormLayout implements Editor<Client> {

    final TextField domain = Fields.text("domain", "client.domain");
    final ComboBox<String> reseller = new ComboBox<>(getTranslation("client.reseller"));
    final TextField name = Fields.text("name", "field.name");
    final EmailField email = Fields.email("email", "field.email");
    final ComboBox<String> language = LanguageFields.languageCode("language");
    final PasswordField password = Fields.password("password", "field.password");
    final TextField maxContacts = Fields.text("max-contacts", "client.max-contacts");
    final ComboBox<DigestOffer> digest = new ComboBox<>(getTranslation("client.digest"));
    final Select<NatPolicy> mediaRelay = new Select<>();
    final FormErrors errors = new FormErrors("form-error").bind("domain", domain).bind("reseller", reseller)
            .bind("name", name).bind("email", email).bind("language", language).bind("password", password)
            .bind("maxContactsPerUser", maxContacts).bind("digestAlgorithms", digest).bind("mediaRelay", mediaRelay);

    /** @param realms the resellers to choose from; empty when a reseller acts */
    ClientEditor(List<String> realms) {
        domain.setHelperText(getTranslation("client.domain.help"));
        reseller.setId("reseller");
        reseller.setItems(realms);
        reseller.setVisible(!realms.isEmpty());
        language.setLabel(getTranslation("field.language"));
        language.setHelperText(getTranslation("client.language.help"));
        digest.setId("digest-algorithms");
        digest.setItems(DigestOffer.values());
        digest.setItemLabelGenerator(offer -> getTranslation(offer.labelKey()));
        digest.setHelperText(getTranslation("client.digest.help"));
        digest.setValue(DigestOffer.PLATFORM_DEFAULT);
        mediaRelay.setId("media-relay");
        mediaRelay.setLabel(getTranslation("client.media-relay"));
        mediaRelay.setItems(NatPolicy.values());
        mediaRelay.setItemLabelGenerator(this::mediaRelayLabel);
        mediaRelay.setValue(NatPolicy.WHEN_NAT);
        add(domain, reseller, name, email, language, password, maxContacts, digest, mediaRelay, errors.general());
        setColspan(errors.general(), 2);
    }

    /** Fills the form to edit a client: its domain is its identity and stays as it is. */
    @Override
    public void edit(Client client) {
        domain.setValue(client.domain());
        domain.setReadOnly(true);
        domain.setHelperText(null);
        reseller.setVisible(false);
        name.setValue(client.name());
        email.setValue(client.email() == null ? "" : client.email());
        language.setValue(client.language());
        maxContacts.setValue(Integer.toString(client.maxContactsPerUser()));
        digest.setValue(DigestOffer.of(client.digestAlgorithms()));
        mediaRelay.setValue(client.mediaRelay());
        password.clear();
        password.setHelperText(getTranslation("field.password.keep"));
    }

    @Override
    public FormErrors errors() {
        return errors;
    }

    ClientForm form() {
        NatPolicy relay = mediaRelay.getValue();
        return new ClientForm(domain.getValue(), reseller.getValue(), name.getValue(), email.getValue(),
                language.getValue(), password.getValue(), maxContacts.getValue(),
                DigestOffer.tokens(digest.getValue()), relay == null ? null : relay.token());
    }

    private String mediaRelayLabel(NatPolicy policy) {
        return switch (policy) {
            case ALWAYS -> getTranslation("client.media-relay.always");
            case WHEN_NAT -> getTranslation("client.media-relay.when-nat");
            case NEVER -> getTranslation("client.media-relay.never");
        };
    }
}
