package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
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
 * ({@code route-gateway-up-<i>}, {@code -down-<i>}, {@code -remove-<i>}). Ticking {@code route-balance}
 * shares calls by weight instead: each line then has its weight ({@code route-gateway-weight-<i>}).
 */
final class GatewayOrder extends VerticalLayout {

    /** A new gateway's weight: untouched, the gateways share calls evenly. */
    private static final String DEFAULT_WEIGHT = "1";

    final ComboBox<Choice> choice = new ComboBox<>(getTranslation("route.gateways"));
    final Button add = Buttons.small("route-gateway-add", "route.gateway-add", VaadinIcon.PLUS, this::append);
    final Checkbox balance = new Checkbox(getTranslation("route.balance"));
    private final Div lines = new Div();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    /** The typed weight of each gateway in {@link #order}, kept while balancing is off to come back with it. */
    private final List<String> weights = new ArrayList<>();

    GatewayOrder(List<Choice> choices) {
        choices.forEach(c -> names.put(c.id(), c.name()));
        setPadding(false);
        setSpacing(false);
        choice.setId("route-gateway-choice");
        choice.setItemLabelGenerator(Choice::name);
        choice.setAllowCustomValue(false);
        choice.setHelperText(getTranslation("route.gateways.help"));
        balance.setId("route-balance");
        balance.setHelperText(getTranslation("route.balance.help"));
        balance.addValueChangeListener(e -> redraw());
        lines.setId("route-gateways");
        lines.addClassName("ordered-list");
        HorizontalLayout picker = new HorizontalLayout(choice, add);
        picker.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(picker, balance, lines);
        redraw();
    }

    /** The chosen gateways' ids, first tried first. */
    List<String> ids() {
        return List.copyOf(order);
    }

    /** The typed weights, one per gateway; empty when the gateways are tried in order. */
    List<String> weights() {
        return balance.getValue() ? List.copyOf(weights) : List.of();
    }

    void show(List<String> ids, List<Integer> shown) {
        order.clear();
        order.addAll(ids);
        weights.clear();
        ids.forEach(id -> weights.add(DEFAULT_WEIGHT));
        for (int i = 0; i < shown.size() && i < ids.size(); i++) {
            weights.set(i, Integer.toString(shown.get(i)));
        }
        balance.setValue(!shown.isEmpty());
        redraw();
    }

    private void append() {
        Choice picked = choice.getValue();
        if (picked != null && !order.contains(picked.id())) {
            order.add(picked.id());
            weights.add(DEFAULT_WEIGHT);
            choice.clear();
            redraw();
        }
    }

    private void move(int from, int to) {
        Collections.swap(order, from, to);
        Collections.swap(weights, from, to);
        redraw();
    }

    private void remove(int index) {
        order.remove(index);
        weights.remove(index);
        redraw();
    }

    private void redraw() {
        lines.removeAll();
        boolean weighted = balance.getValue();
        for (int i = 0; i < order.size(); i++) {
            int index = i;
            String gateway = names.getOrDefault(order.get(i), order.get(i));
            // Shared by weight, the list order means nothing: no rank, no moving.
            Span name = new Span(weighted ? gateway : (i + 1) + ". " + gateway);
            name.setId("route-gateway-" + i);
            name.addClassName("ordered-name");
            HorizontalLayout line = new HorizontalLayout(name);
            if (weighted) {
                TextField weight = new TextField();
                weight.setId("route-gateway-weight-" + i);
                weight.setAriaLabel(getTranslation("route.weight") + " " + gateway);
                weight.setPlaceholder(getTranslation("route.weight"));
                weight.setWidth("6em");
                weight.setValue(weights.get(i));
                weight.addValueChangeListener(e -> weights.set(index, e.getValue()));
                line.add(weight);
            } else {
                Button up = Buttons.icon("route-gateway-up-" + i, "action.up", VaadinIcon.ARROW_UP,
                        () -> move(index, index - 1));
                up.setEnabled(i > 0);
                Button down = Buttons.icon("route-gateway-down-" + i, "action.down", VaadinIcon.ARROW_DOWN,
                        () -> move(index, index + 1));
                down.setEnabled(i < order.size() - 1);
                line.add(up, down);
            }
            line.add(Buttons.icon("route-gateway-remove-" + i, "action.remove", VaadinIcon.CLOSE_SMALL,
                    () -> remove(index)));
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            line.addClassName("ordered-line");
            lines.add(line);
        }
        choice.setItems(names.entrySet().stream().filter(e -> !order.contains(e.getKey()))
                .map(e -> new Choice(e.getKey(), e.getValue())).toList());
    }
}
