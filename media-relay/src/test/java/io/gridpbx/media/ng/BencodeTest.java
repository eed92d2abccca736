package io.gridpbx.media.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BencodeTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void kamailioOfferDecodes_keysInTheirOrder_stringsAsBytes() throws Exception {
        Object decoded = Bencode.decode(ascii(
                "d7:command5:offer3:sdp5:v=0\r\n7:call-id4:abcd5:flagsl13:trust-addresse7:replacel6:origin"
                        + "18:session-connectione13:received-froml3:IP49:127.0.0.1ee"));

        assertThat(decoded).isInstanceOf(Map.class);
        Map<?, ?> dict = (Map<?, ?>) decoded;
        assertThat(dict.keySet().stream().map(Object::toString).toList()).containsExactly("command", "sdp", "call-id", "flags", "replace", "received-from");
        assertThat((byte[]) dict.get("command")).isEqualTo(ascii("offer"));
        assertThat((List<?>) dict.get("replace")).hasSize(2);
    }

    @Test
    void encodeThenDecode_givesTheSameValue_withSortedKeys() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("result", "ok");
        value.put("created", 1_700_000_000L);
        value.put("negative", -42L);
        value.put("totals", Map.of("RTP", Map.of("packets", 10L, "bytes", 1720L, "errors", 0L)));
        value.put("list", List.of("a", 1L, List.of()));
        value.put("binary", new byte[] {0, (byte) 0xff, ' '});

        byte[] encoded = Bencode.encode(value);

        assertThat(new String(encoded, StandardCharsets.ISO_8859_1)).startsWith("d6:binary3:");
        assertThat(Bencode.encode(Bencode.decode(encoded))).isEqualTo(encoded);
        Map<?, ?> back = (Map<?, ?>) Bencode.decode(encoded);
        assertThat(back.get("negative")).isEqualTo(-42L);
        assertThat((byte[]) back.get("binary")).containsExactly(0, 0xff, ' ');
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                       | empty input",
            "x                        | unexpected 'x'",
            "i01e                     | leading zero",
            "i-0e                     | leading zero or -0",
            "ie                       | without digits",
            "i12                      | truncated",
            "123456:abc               | number longer than 5 digits",
            "i9999999999999999999e    | beyond a 64-bit integer",
            "03:abc                   | string length with a leading zero",
            "5:abc                    | runs past the end",
            "3abc                     | expected a digit or ':'",
            "l1:a                     | truncated",
            "di1ei2ee                 | dictionary key is not a string",
            "d3:fooe                  | unexpected 'e'",
            "i1ei2e                   | trailing data",
    })
    void malformedInput_isRefusedWithItsReason(String input, String reason) {
        assertThatThrownBy(() -> Bencode.decode(ascii(input)))
                .isInstanceOf(BencodeException.class).hasMessageContaining(reason);
    }

    @Test
    void nestingBeyondSixteen_isRefused_sixteenIsNot() throws Exception {
        assertThat(Bencode.decode(ascii("l".repeat(16) + "e".repeat(16)))).isInstanceOf(List.class);
        assertThatThrownBy(() -> Bencode.decode(ascii("l".repeat(17) + "e".repeat(17))))
                .isInstanceOf(BencodeException.class).hasMessageContaining("nested deeper than 16");
    }

    @Test
    void inputBeyond64KiB_isRefusedBeforeDecoding() {
        byte[] big = ascii((65_540) + ":" + "a".repeat(65_540));
        assertThatThrownBy(() -> Bencode.decode(big))
                .isInstanceOf(BencodeException.class).hasMessageContaining("longer than 65536");
    }

    @Test
    void repeatedKey_keepsTheLastValue() throws Exception {
        Map<?, ?> dict = (Map<?, ?>) Bencode.decode(ascii("d1:ai1e1:ai2ee"));
        assertThat(dict.get("a")).isEqualTo(2L);
    }
}
