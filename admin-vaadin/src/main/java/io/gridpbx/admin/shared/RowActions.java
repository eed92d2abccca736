package io.gridpbx.admin.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.i18n.I18NProvider;

/** The buttons of one grid row: {@code edit-<key>}, {@code delete-<key>} and {@code connect-as-<key>}. */
public final class RowActions extends HorizontalLayout {

    public RowActions(String key, Runnable edit, Runnable delete, Runnable connect) {
        setSpacing(false);
        addClassName("row-actions");
        add(button("edit-" + key, "action.edit", VaadinIcon.EDIT, edit),
                button("delete-" + key, "action.delete", VaadinIcon.TRASH, delete),
                button("connect-as-" + key, "action.connect-as", VaadinIcon.SIGN_IN, connect));
    }

    private static Button button(String id, String labelKey, VaadinIcon icon, Runnable action) {
        Button button = new Button(I18NProvider.translate(labelKey), icon.create(), click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }
}
