package io.gridpbx.admin.shared;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.i18n.I18NProvider;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.NotFoundException;

/** "Delete X?" with buttons {@code confirm-delete} and {@code cancel-delete}. */
public final class ConfirmDelete {

    private ConfirmDelete() {
    }

    public static ConfirmDialog open(String what, Runnable delete) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-dialog");
        dialog.setHeader(I18NProvider.translate("delete.title"));
        dialog.setText(I18NProvider.translate("delete.question", what));
        Button confirm = new Button(I18NProvider.translate("action.delete"), click -> {
            dialog.close();
            delete.run();
        });
        confirm.setId("confirm-delete");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        Button cancel = new Button(I18NProvider.translate("action.cancel"), click -> dialog.close());
        cancel.setId("cancel-delete");
        dialog.setConfirmButton(confirm);
        dialog.setCancelButton(cancel);
        dialog.open();
        return dialog;
    }

    /**
     * Asks, deletes through the service and says how it went: done, refused because something still
     * uses it (the service's conflict, translated), or already gone. {@code after} runs in every case,
     * so the list shows the truth again.
     */
    public static ConfirmDialog open(String what, Runnable delete, Runnable after) {
        return open(what, () -> {
            try {
                delete.run();
                Notices.success(I18NProvider.translate("delete.done", what));
            } catch (ConflictException conflict) {
                Notices.failure(ErrorTexts.of(conflict, UI.getCurrent().getLocale()));
            } catch (NotFoundException gone) {
                Notices.failure(I18NProvider.translate("notfound.text", what));
            }
            after.run();
        });
    }
}
