package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.shared.Editor;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayForm;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** The gateway form of the add and edit dialog; on an edit a blank password keeps the current one. */
final class GatewayEditor extends FormLayout implements Editor<Gateway> {

    final TextField name = Fields.text("gw-name", "field.name");
    final TextField host = Fields.text("gw-host", "gateway.host");
    final TextField port = Fields.text("gw-port", "gateway.port");
    final ComboBox<String> transport = new ComboBox<>(getTranslation("gateway.transport"));
    final TextField username = Fields.text("gw-username", "gateway.username");
    final PasswordField password = Fields.password("gw-password", "field.password");
    final TextField strip = Fields.text("gw-strip", "gateway.strip");
    final TextField prefix = Fields.text("gw-prefix", "gateway.prefix");
    final Checkbox probing = new Checkbox(getTranslation("gateway.probing"));
    final Checkbox register = new Checkbox(getTranslation("gateway.register"));
    final TextField registerExpires = Fields.text("gw-register-expires", "gateway.register-expires");
    /** A registration without credentials is refused on the form's general line: it is about two fields. */
    final FormErrors errors = new FormErrors("form-error").bind("name", name).bind("host", host).bind("port", port)
            .bind("transport", transport).bind("username", username).bind("password", password)
            .bind("stripDigits", strip).bind("addPrefix", prefix).bind("registerExpires", registerExpires);

    GatewayEditor() {
        transport.setId("gw-transport");
        transport.setItems(Arrays.stream(Gateway.Transport.values()).map(Enum::name).toList());
        transport.setAllowCustomValue(false);
        transport.setValue(Gateway.Transport.UDP.name());
        port.setValue("5060");
        strip.setValue("0");
        strip.setHelperText(getTranslation("gateway.strip.help"));
        prefix.setHelperText(getTranslation("gateway.prefix.help"));
        username.setHelperText(getTranslation("gateway.username.help"));
        probing.setId("gw-probing");
        probing.setValue(true);
        register.setId("gw-register");
        registerExpires.setValue(Integer.toString(Gateway.DEFAULT_REGISTER_EXPIRES));
        registerExpires.setHelperText(getTranslation("gateway.register-expires.help"));
        add(name, host, port, transport, username, password, strip, prefix, probing, register, registerExpires,
                errors.general());
        setColspan(errors.general(), 2);
    }

    @Override
    public void edit(Gateway gateway) {
        name.setValue(gateway.name());
        host.setValue(gateway.host());
        port.setValue(Integer.toString(gateway.port()));
        transport.setValue(gateway.transport().name());
        username.setValue(nz(gateway.username()));
        strip.setValue(Integer.toString(gateway.stripDigits()));
        prefix.setValue(nz(gateway.addPrefix()));
        probing.setValue(gateway.probing());
        register.setValue(gateway.register());
        registerExpires.setValue(Integer.toString(gateway.registerExpires()));
        password.clear();
        password.setHelperText(getTranslation("field.password.keep"));
    }

    @Override
    public FormErrors errors() {
        return errors;
    }

    GatewayForm form() {
        return new GatewayForm(name.getValue(), host.getValue(), port.getValue(), transport.getValue(),
                username.getValue(), password.getValue(), strip.getValue(), prefix.getValue(), probing.getValue(),
                register.getValue(), registerExpires.getValue());
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text;
    }
}
