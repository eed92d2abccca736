package io.gridpbx.admin.shared;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short confirmations and failures in the corner of the screen. */
public final class Notices {

    private Notices() {
    }

    public static Notification success(String text) {
        Notification notice = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        notice.addThemeVariants(NotificationVariant.SUCCESS);
        notice.setId("notice");
        return notice;
    }

    public static Notification failure(String text) {
        Notification notice = Notification.show(text, 6000, Notification.Position.MIDDLE);
        notice.addThemeVariants(NotificationVariant.ERROR);
        notice.setId("notice");
        return notice;
    }
}
