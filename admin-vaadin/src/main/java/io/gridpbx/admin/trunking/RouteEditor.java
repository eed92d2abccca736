package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.shared.Editor;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.core.trunking.GatewayAdmin.Choice;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.trunking.RouteForm;
import java.util.List;

/**
 * The outbound route form: name, dialled pattern, priority, and the gateways in the order they are
 * tried or with the weights by which they share calls.
 */
final class RouteEditor extends FormLayout implements Editor<OutboundRoute> {

    final TextField name = Fields.text("route-name", "field.name");
    final TextField pattern = Fields.text("route-pattern", "route.pattern");
    final TextField priority = Fields.text("route-priority", "route.priority");
    final GatewayOrder gateways;
    final FormErrors errors;

    RouteEditor(List<Choice> choices) {
        gateways = new GatewayOrder(choices);
        errors = new FormErrors("form-error").bind("name", name).bind("pattern", pattern).bind("priority", priority)
                .bind("gatewayIds", gateways.choice).bind("weights", gateways.balance);
        pattern.setHelperText(getTranslation("route.pattern.help"));
        priority.setHelperText(getTranslation("route.priority.help"));
        priority.setValue("100");
        add(name, pattern, priority, gateways, errors.general());
        setColspan(gateways, 2);
        setColspan(errors.general(), 2);
    }

    @Override
    public void edit(OutboundRoute route) {
        name.setValue(route.name());
        pattern.setValue(route.pattern());
        priority.setValue(Integer.toString(route.priority()));
        gateways.show(route.gatewayIds(), route.weights());
    }

    @Override
    public FormErrors errors() {
        return errors;
    }

    RouteForm form() {
        return new RouteForm(name.getValue(), pattern.getValue(), priority.getValue(), gateways.ids(),
                gateways.weights());
    }
}
