package io.gridpbx.admin.shared;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A link that downloads a CSV made when it is clicked. The download request runs outside the
 * screen's lock, so the file must be made from what the screen captured, never from its fields.
 */
public final class CsvLink {

    /** A file to download; none when the screen's filter is not valid. */
    public record File(String name, String text) {
    }

    private CsvLink() {
    }

    public static Anchor of(String id, String labelKey, Supplier<@Nullable File> file) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> response(file.get())),
                AttachmentType.DOWNLOAD, I18NProvider.translate(labelKey));
        link.setId(id);
        link.addClassName("export-link");
        return link;
    }

    private static DownloadResponse response(@Nullable File file) {
        if (file == null) {
            return DownloadResponse.error(HttpStatusCode.BAD_REQUEST);
        }
        byte[] bytes = file.text().getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(bytes), file.name(), "text/csv;charset=UTF-8",
                bytes.length);
    }
}
