package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.shared.Editor;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.trunking.Did;

/** A client points one of its numbers at one of its extensions ({@code did-destination}); blank: nowhere. */
final class DidDestinationForm extends FormLayout implements Editor<Did> {

    final TextField destination = Fields.text("did-destination", "did.destination");
    final FormErrors errors = new FormErrors("form-error").bind("destination", destination);

    DidDestinationForm() {
        destination.setHelperText(getTranslation("did.destination.help"));
        add(destination, errors.general());
    }

    @Override
    public void edit(Did did) {
        destination.setValue(did.destination() == null ? "" : did.destination());
    }

    @Override
    public FormErrors errors() {
        return errors;
    }
}
