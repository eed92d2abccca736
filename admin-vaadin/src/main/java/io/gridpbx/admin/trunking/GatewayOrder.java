package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.core.trunking.GatewayAdmin.Choice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateways of a route, in the order they are tried: a picker ({@code route-gateway-choice}) and
 * {@code route-gateway-add} append one; each line {@code route-gateway-<i>} moves up or down or goes
 * ({@code route-gateway-up-<i>}, {@code -down-<i>}, {@code -remove-<i>}).
 */
final class GatewayOrder extends VerticalLayout {

    final ComboBox<Choice> choice = new ComboBox<>(getTranslation("route.gateways"));
    final Button add = Buttons.small("route-gateway-add", "route.gateway-add", VaadinIcon.PLUS, this::append);
    private final Div lines = new Div();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();

    GatewayOrder(List<Choice> choices) {
        choices.forEach(c -> names.put(c.id(), c.name()));
        setPadding(false);
        setSpacing(false);
        choice.setId("route-gateway-choice");
        choice.setItemLabelGenerator(Choice::name);
        choice.setAllowCustomValue(false);
        choice.setHelperText(getTranslation("route.gateways.help"));
        lines.setId("route-gateways");
        lines.addClassName("ordered-list");
        HorizontalLayout picker = new HorizontalLayout(choice, add);
        picker.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(picker, lines);
        redraw();
    }

    /** The chosen gateways' ids, first tried first. */
    List<String> ids() {
        return List.copyOf(order);
    }

    void show(List<String> ids) {
        order.clear();
        order.addAll(ids);
        redraw();
    }

    private void append() {
        Choice picked = choice.getValue();
        if (picked != null && !order.contains(picked.id())) {
            order.add(picked.id());
            choice.clear();
            redraw();
        }
    }

    private void move(int from, int to) {
        Collections.swap(order, from, to);
        redraw();
    }

    private void remove(int index) {
        order.remove(index);
        redraw();
    }

    private void redraw() {
        lines.removeAll();
        for (int i = 0; i < order.size(); i++) {
            int index = i;
            Span name = new Span((i + 1) + ". " + names.getOrDefault(order.get(i), order.get(i)));
            name.setId("route-gateway-" + i);
            name.addClassName("ordered-name");
            Button up = Buttons.icon("route-gateway-up-" + i, "action.up", VaadinIcon.ARROW_UP,
                    () -> move(index, index - 1));
            up.setEnabled(i > 0);
            Button down = Buttons.icon("route-gateway-down-" + i, "action.down", VaadinIcon.ARROW_DOWN,
                    () -> move(index, index + 1));
            down.setEnabled(i < order.size() - 1);
            Button remove = Buttons.icon("route-gateway-remove-" + i, "action.remove", VaadinIcon.CLOSE_SMALL,
                    () -> remove(index));
            HorizontalLayout line = new HorizontalLayout(name, up, down, remove);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            line.addClassName("ordered-line");
            lines.add(line);
        }
        choice.setItems(names.entrySet().stream().filter(e -> !order.contains(e.getKey()))
                .map(e -> new Choice(e.getKey(), e.getValue())).toList());
    }
}
