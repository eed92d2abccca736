package io.gridpbx.admin.portal;

import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.gridpbx.core.voicemail.Recording;
import java.io.ByteArrayInputStream;

/** The browser's own {@code <audio>} player, with its controls, playing one recording at a time. */
@Tag("audio")
final class AudioPlayer extends HtmlComponent {

    AudioPlayer() {
        getElement().setAttribute("controls", true);
        getElement().setAttribute("preload", "none");
    }

    /** Loads the recording (served from the bytes read now) and starts it. */
    void play(Recording recording) {
        byte[] wav = recording.bytes();
        getElement().setAttribute("src", DownloadHandler.fromInputStream(request -> new DownloadResponse(
                new ByteArrayInputStream(wav), "voicemail.wav", Recording.CONTENT_TYPE, wav.length)).inline());
        getElement().callJsFunction("play");
    }

    void stop() {
        getElement().callJsFunction("pause");
        getElement().removeAttribute("src");
    }
}
