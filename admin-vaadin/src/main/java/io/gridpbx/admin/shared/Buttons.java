package io.gridpbx.admin.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.I18NProvider;

/** Buttons with their element id and translated text. */
public final class Buttons {

    private Buttons() {
    }

    /** The main action of a screen or form. */
    public static Button primary(String id, String labelKey, Runnable action) {
        Button button = new Button(I18NProvider.translate(labelKey), click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.PRIMARY);
        return button;
    }

    /** "Add a ..." above a list. */
    public static Button add(String id, String labelKey, Runnable action) {
        Button button = primary(id, labelKey, action);
        button.setIcon(VaadinIcon.PLUS.create());
        return button;
    }

    /** A small secondary action, e.g. in a grid row or beside a list item. */
    public static Button small(String id, String labelKey, VaadinIcon icon, Runnable action) {
        Button button = new Button(I18NProvider.translate(labelKey), icon.create(), click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }

    /** A small icon-only action; the text is its tooltip and accessible name. */
    public static Button icon(String id, String labelKey, VaadinIcon icon, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.setId(id);
        button.setAriaLabel(I18NProvider.translate(labelKey));
        button.setTooltipText(I18NProvider.translate(labelKey));
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.LUMO_ICON);
        return button;
    }
}
