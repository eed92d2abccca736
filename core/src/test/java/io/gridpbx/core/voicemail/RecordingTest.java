package io.gridpbx.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordingTest {

    @Test
    void itsLength_isReadFromTheHeader() {
        assertThat(Recording.of(Wavs.pcm(3)).seconds()).isEqualTo(3);
        assertThat(Recording.of(Wavs.of(7, 8, 12)).seconds()).isEqualTo(12);
        assertThat(Recording.of(Wavs.of(6, 8, 1)).seconds()).isEqualTo(1);
    }

    @Test
    void chunksBeforeTheFormat_areSkipped_withTheirPadding() {
        byte[] plain = Wavs.pcm(2);
        // A LIST chunk of odd size 3 (padded to 4) between the WAVE tag and the fmt chunk.
        byte[] list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
        byte[] withList = new byte[plain.length + list.length];
        System.arraycopy(plain, 0, withList, 0, 12);
        System.arraycopy(list, 0, withList, 12, list.length);
        System.arraycopy(plain, 12, withList, 12 + list.length, plain.length - 12);

        assertThat(Recording.of(withList).seconds()).isEqualTo(2);
    }

    @Test
    void anythingElse_isRefusedWithItsReason() {
        assertThatThrownBy(() -> Recording.of("hello, not a wav".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("not a WAV file");
        assertThatThrownBy(() -> Recording.of(new byte[0])).hasMessageContaining("not a WAV file");
        assertThatThrownBy(() -> Recording.of(Wavs.of(85, 16, 1))).hasMessageContaining("only linear PCM");
        assertThatThrownBy(() -> Recording.of(Wavs.of(1, 1, 8000, 16, 999, 16000)))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> Recording.of(Wavs.of(1, 6, 8000, 16, 96000, 96000)))
                .hasMessageContaining("mono or stereo");
        byte[] cut = Arrays.copyOf(Wavs.pcm(2), 1000);
        assertThatThrownBy(() -> Recording.of(cut)).hasMessageContaining("cut short");
        byte[] headerOnly = Arrays.copyOf(Wavs.pcm(1), 36);
        assertThatThrownBy(() -> Recording.of(headerOnly)).hasMessageContaining("no data chunk");
    }

    @Test
    void tooLongOrTooLarge_isRefused() {
        // 11 minutes of µ-law at 8 kHz is 5.3 MB; 601 s of 8-bit PCM is 4.8 MB but over ten minutes.
        assertThatThrownBy(() -> Recording.of(Wavs.of(7, 8, 660))).hasMessageContaining("at most");
        assertThatThrownBy(() -> Recording.of(Wavs.of(1, 1, 8000, 8, 8000, 8000 * 601)))
                .hasMessageContaining("at most 600 s");
    }

    @Test
    void theBytes_stayAsSaved() {
        byte[] wav = Wavs.pcm(1);
        Recording recording = Recording.of(wav);
        wav[100] ^= 1;
        recording.bytes()[101] ^= 1;

        assertThat(recording.bytes()).isNotEqualTo(wav).isEqualTo(Recording.of(Wavs.pcm(1)).bytes());
    }
}
