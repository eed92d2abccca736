package io.gridpbx.admin.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.function.BooleanSupplier;

/** A dialog around a form, with buttons {@code save} and {@code cancel}; it closes once the save succeeded. */
public final class FormDialog extends Dialog {

    public final Button save = new Button(I18NProvider.translate("action.save"));
    public final Button cancel = new Button(I18NProvider.translate("action.cancel"));

    /** @param saver saves the form and answers whether it was accepted (a refused form stays open with its errors) */
    public FormDialog(String id, String title, Component form, BooleanSupplier saver) {
        setId(id);
        setHeaderTitle(title);
        setWidth("40rem");
        add(form);
        save.setId("save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> {
            if (saver.getAsBoolean()) {
                close();
            }
        });
        cancel.setId("cancel");
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, save);
    }
}
