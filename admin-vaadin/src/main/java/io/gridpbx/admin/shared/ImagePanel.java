package io.gridpbx.admin.shared;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.manage.ValidationException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An image the portal keeps (a profile picture, a logo): the image ({@code <id>}), an upload
 * ({@code <id>-upload}) and a remove button ({@code <id>-remove}). A file that is too large or not a
 * PNG or JPEG is refused with the service's reason ({@code <id>-error}). Texts come from
 * {@code <keys>}, {@code <keys>.upload}, {@code .drop}, {@code .remove}, {@code .saved}, {@code .removed}
 * and {@code .rejected}.
 */
public final class ImagePanel extends Div {

    /**
     * What the panel shows and changes, through a tenant-scoped service.
     *
     * @param save saves the uploaded bytes; a {@link ValidationException} when they are not a fitting image
     */
    public record Source(Supplier<Optional<Picture>> current, Function<byte[], Picture> save, Runnable clear) {
    }

    public final Image image = new Image();
    public final Upload upload = new Upload();
    public final Button remove;
    public final Div error = new Div();
    private final String keys;
    private final Source source;
    private final Runnable changed;

    /** @param changed told after the image was set or removed (the header may show it too) */
    public ImagePanel(String id, String keys, Source source, Runnable changed) {
        this.keys = keys;
        this.source = source;
        this.changed = changed;
        remove = new Button(getTranslation(keys + ".remove"));
        addClassName("picture-panel");
        image.setId(id);
        image.setAlt(getTranslation(keys));
        image.addClassName(id);
        upload.setId(id + "-upload");
        upload.setMaxFiles(1);
        // The browser refuses these before sending anything; the service checks the bytes again.
        upload.setMaxFileSize(Picture.MAX_BYTES);
        upload.setAcceptedFileTypes(Picture.PNG, Picture.JPEG, ".png", ".jpg", ".jpeg");
        upload.setUploadButton(new Button(getTranslation(keys + ".upload")));
        upload.setDropLabel(new Span(getTranslation(keys + ".drop")));
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> save(bytes))));
        upload.addFileRejectedListener(rejected -> showError(getTranslation(keys + ".rejected")));
        remove.setId(id + "-remove");
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.addClickListener(click -> clear());
        error.setId(id + "-error");
        error.addClassName("form-error");
        error.setVisible(false);
        add(image, upload, remove, error);
        show(source.current().get());
    }

    private void save(byte[] bytes) {
        upload.clearFileList();
        try {
            show(Optional.of(source.save().apply(bytes)));
            changed.run();
            Notices.success(getTranslation(keys + ".saved"));
        } catch (ValidationException refused) {
            showError(ErrorTexts.of(refused, getLocale()));
        }
    }

    private void clear() {
        source.clear().run();
        show(Optional.empty());
        changed.run();
        Notices.success(getTranslation(keys + ".removed"));
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
