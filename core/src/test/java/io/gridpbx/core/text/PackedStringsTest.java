package io.gridpbx.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackedStringsTest {

    @Test
    void unpacksEachStringAsPacked_emptyLongAndNonAsciiIncluded() {
        String longOne = "x".repeat(70_000);
        byte[] packed = PackedStrings.pack("sip:200@192.0.2.7:5060", "", longOne, "caf\u00e9 \u2603", "udp:192.0.2.7:5060");

        assertThat(PackedStrings.unpack(packed, 0)).isEqualTo("sip:200@192.0.2.7:5060");
        assertThat(PackedStrings.unpack(packed, 1)).isEmpty();
        assertThat(PackedStrings.unpack(packed, 2)).isEqualTo(longOne);
        assertThat(PackedStrings.unpack(packed, 3)).isEqualTo("caf\u00e9 \u2603");
        assertThat(PackedStrings.unpack(packed, 4)).isEqualTo("udp:192.0.2.7:5060");
    }

    @Test
    void shortStringsCostOneByteOfLengthEach() {
        assertThat(PackedStrings.pack("abc", "de")).hasSize(1 + 3 + 1 + 2);
        assertThat(PackedStrings.pack("y".repeat(128))).hasSize(2 + 128);
    }
}
