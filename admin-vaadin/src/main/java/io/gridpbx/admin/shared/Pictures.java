package io.gridpbx.admin.shared;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.gridpbx.core.manage.Picture;
import java.io.ByteArrayInputStream;

/** A profile picture served to the browser, from the bytes read when the screen was drawn. */
public final class Pictures {

    private Pictures() {
    }

    /** Shown in the page (not offered as a download), with the type its bytes have. */
    public static DownloadHandler inline(Picture picture) {
        byte[] bytes = picture.bytes();
        String file = Picture.PNG.equals(picture.contentType()) ? "picture.png" : "picture.jpg";
        return DownloadHandler.fromInputStream(request -> new DownloadResponse(new ByteArrayInputStream(bytes), file,
                picture.contentType(), bytes.length)).inline();
    }
}
