package io.gridpbx.admin.shared;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.i18n.I18NProvider;
import io.gridpbx.core.manage.NotFoundException;

/**
 * The buttons of one grid row, each {@code <action>-<key>}: {@code edit-<key>}, {@code delete-<key>},
 * {@code connect-as-<key>}, or any other a screen adds. An action that finds its object gone says so.
 */
public final class RowActions extends HorizontalLayout {

    private final String key;

    public RowActions(String key) {
        this.key = key;
        setSpacing(false);
        addClassName("row-actions");
    }

    /** Edit, delete and "log in as", the actions of a tenant's row. */
    public RowActions(String key, Runnable edit, Runnable delete, Runnable connect) {
        this(key);
        edit(edit).delete(delete).action("connect-as", "action.connect-as", VaadinIcon.SIGN_IN, connect);
    }

    public RowActions edit(Runnable edit) {
        return action("edit", "action.edit", VaadinIcon.EDIT, edit);
    }

    public RowActions delete(Runnable delete) {
        return action("delete", "action.delete", VaadinIcon.TRASH, delete);
    }

    public RowActions action(String idPrefix, String labelKey, VaadinIcon icon, Runnable action) {
        add(Buttons.small(idPrefix + "-" + key, labelKey, icon, () -> {
            try {
                action.run();
            } catch (NotFoundException gone) {
                Notices.failure(I18NProvider.translate("notfound.text", key));
            }
        }));
        return this;
    }
}
