package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.gridpbx.admin.shared.Buttons;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Hands the selected numbers one level down ({@code dids-assignee}, {@code dids-assign}) or takes them
 * back ({@code dids-take-back}): the platform to its resellers, a reseller to its clients.
 */
final class DidAssignBar extends HorizontalLayout {

    final ComboBox<String> assignee;
    final Button assign;
    final Button takeBack;
    private int selected;

    /**
     * @param assignees the realms or domains one level down
     * @param assignTo  called with the chosen one, or null to take the numbers back
     */
    DidAssignBar(String labelKey, List<String> assignees, Consumer<@Nullable String> assignTo) {
        assignee = new ComboBox<>(getTranslation(labelKey));
        assignee.setId("dids-assignee");
        assignee.setItems(assignees);
        assignee.setAllowCustomValue(false);
        assignee.addValueChangeListener(change -> enable());
        assign = Buttons.primary("dids-assign", "did.assign", () -> assignTo.accept(assignee.getValue()));
        takeBack = Buttons.small("dids-take-back", "did.take-back", VaadinIcon.ARROW_BACKWARD,
                () -> assignTo.accept(null));
        setAlignItems(Alignment.BASELINE);
        add(assignee, assign, takeBack);
        enable();
    }

    void selectionChanged(int count) {
        selected = count;
        enable();
    }

    private void enable() {
        assign.setEnabled(selected > 0 && assignee.getValue() != null);
        takeBack.setEnabled(selected > 0);
    }
}
