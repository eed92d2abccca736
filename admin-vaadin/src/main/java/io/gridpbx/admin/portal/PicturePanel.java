package io.gridpbx.admin.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.Pictures;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.manage.ValidationException;
import java.util.Optional;

/**
 * The user's profile picture on its home: the picture ({@code profile-picture}), an upload
 * ({@code profile-picture-upload}) and a remove button ({@code profile-picture-remove}). A file that is
 * too large or not a PNG or JPEG is refused with the reason ({@code profile-picture-error}).
 */
final class PicturePanel extends Div {

    final Image image = new Image();
    final Upload upload = new Upload();
    final Button remove = new Button(getTranslation("portal.picture.remove"));
    final Div error = new Div();
    private final SelfCare selfCare;
    private final Scope me;
    private final Runnable changed;

    /** @param changed told after the picture was set or removed (the header shows it too) */
    PicturePanel(SelfCare selfCare, Scope me, Runnable changed) {
        this.selfCare = selfCare;
        this.me = me;
        this.changed = changed;
        addClassName("picture-panel");
        image.setId("profile-picture");
        image.setAlt(getTranslation("portal.picture"));
        image.addClassName("profile-picture");
        upload.setId("profile-picture-upload");
        upload.setMaxFiles(1);
        // The browser refuses these before sending anything; the service checks the bytes again.
        upload.setMaxFileSize(Picture.MAX_BYTES);
        upload.setAcceptedFileTypes(Picture.PNG, Picture.JPEG, ".png", ".jpg", ".jpeg");
        upload.setUploadButton(new Button(getTranslation("portal.picture.upload")));
        upload.setDropLabel(new Span(getTranslation("portal.picture.drop")));
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> save(bytes))));
        upload.addFileRejectedListener(rejected -> showError(getTranslation("portal.picture.rejected")));
        remove.setId("profile-picture-remove");
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.addClickListener(click -> clear());
        error.setId("profile-picture-error");
        error.addClassName("form-error");
        error.setVisible(false);
        add(image, upload, remove, error);
        show(selfCare.picture(me));
    }

    private void save(byte[] bytes) {
        upload.clearFileList();
        try {
            show(Optional.of(selfCare.setPicture(me, bytes)));
            changed.run();
            Notices.success(getTranslation("portal.picture.saved"));
        } catch (ValidationException refused) {
            showError(ErrorTexts.of(refused, getLocale()));
        }
    }

    private void clear() {
        selfCare.clearPicture(me);
        show(Optional.empty());
        changed.run();
        Notices.success(getTranslation("portal.picture.removed"));
    }

    private void show(Optional<Picture> picture) {
        error.setVisible(false);
        picture.ifPresent(p -> image.setSrc(Pictures.inline(p)));
        image.setVisible(picture.isPresent());
        remove.setVisible(picture.isPresent());
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
