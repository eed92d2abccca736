package io.gridpbx.admin.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.i18n.I18NProvider;
import org.jspecify.annotations.Nullable;

/**
 * A dialog around a form, with buttons {@code save} and {@code cancel}; it closes once the service
 * accepted the save, and stays open with the errors next to their fields when it refused. One dialog
 * serves "add" and "edit": each {@link #open} brings a fresh form and what its save does.
 */
public final class FormDialog extends Dialog {

    public final Button save = new Button(I18NProvider.translate("action.save"));
    public final Button cancel = new Button(I18NProvider.translate("action.cancel"));
    private Runnable saver = () -> { };
    private @Nullable FormErrors errors;

    public FormDialog(String id) {
        setId(id);
        setWidth("40rem");
        save.setId("save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> {
            if (errors != null && errors.attempt(saver)) {
                close();
            }
        });
        cancel.setId("cancel");
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, save);
    }

    /** @param saving saves the form through the service; a {@link io.gridpbx.core.manage.ValidationException} keeps it open */
    public <E extends Component & Editor<?>> void open(String title, E editor, Runnable saving) {
        this.saver = saving;
        this.errors = editor.errors();
        setHeaderTitle(title);
        removeAll();
        add(editor);
        open();
    }
}
