package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns valid REGISTER, INVITE and SUBSCRIBE requests into the broken ones a fuzzer, a scanner or a
 * buggy phone sends: bit flips, truncations, huge headers, bad encodings, repeated and missing
 * headers, extreme numbers, odd line ends and whitespace. Each message comes from its own seed, so
 * one failing message is reproduced from the run's seed and its index alone.
 */
final class SipMutator {

    private static final String[] EXTREME_NUMBERS = {"-1", "0", "2147483648", "4294967296", "9223372036854775808",
        "99999999999999999999999", "1e10", "", " ", "0x10", "-0", "00000000000000000000001", "2147483647"};
    private static final String[] SCHEMES = {"sip:", "sips:", "tel:", "http:", "", "sip::", "SIP:", "mailto:"};

    private SipMutator() {
    }

    /** The message of index {@code index} in the run of seed {@code seed}, for the given transport. */
    static byte[] message(long seed, int index, String transport) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        String base = switch (random.nextInt(3)) {
            case 0 -> register(index, transport);
            case 1 -> invite(index, transport);
            default -> subscribe(index, transport);
        };
        byte[] bytes = base.getBytes(StandardCharsets.ISO_8859_1);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            bytes = mutate(bytes, random);
        }
        return bytes;
    }

    /** The message with the sender's real port in its Vias and Contacts, so that answers reach the test's socket. */
    static byte[] withSentByPort(byte[] message, int port) {
        return replace(message, "127.0.0.1:5099", "127.0.0.1:" + port);
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random) {
        if (bytes.length == 0) {
            return bytes;
        }
        return switch (random.nextInt(11)) {
            case 0 -> flipBits(bytes, random);
            case 1 -> truncate(bytes, random);
            case 2 -> onLines(bytes, random, (lines, r) -> lines.add(1 + r.nextInt(lines.size()),
                    "X-Huge-" + r.nextInt(100) + ": " + "A".repeat(500 + r.nextInt(12000))));
            case 3 -> badEncoding(bytes, random);
            case 4 -> onLines(bytes, random, (lines, r) -> {
                int at = 1 + r.nextInt(Math.max(1, lines.size() - 1));
                String line = lines.get(Math.min(at, lines.size() - 1));
                int copies = 2 + r.nextInt(r.nextBoolean() ? 5 : 200);
                for (int c = 0; c < copies; c++) {
                    lines.add(at, line);
                }
            });
            case 5 -> onLines(bytes, random, (lines, r) -> {
                if (lines.size() > 1) {
                    lines.remove(1 + r.nextInt(lines.size() - 1));
                }
            });
            case 6 -> extremeNumber(bytes, random);
            case 7 -> replace(bytes, "\r\n", switch (random.nextInt(4)) {
                case 0 -> "\n";
                case 1 -> "\r";
                case 2 -> "\r\r\n";
                default -> "\r\n \r\n";
            });
            case 8 -> whitespace(bytes, random);
            case 9 -> onLines(bytes, random, (lines, r) -> {
                if (lines.size() > 2) {
                    int a = r.nextInt(lines.size());
                    int b = r.nextInt(lines.size());
                    String swap = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, swap);
                }
            });
            default -> replace(bytes, random.nextBoolean() ? "sip:" : "SIP/2.0",
                    random.nextBoolean() ? SCHEMES[random.nextInt(SCHEMES.length)] : "SIP/" + random.nextInt(10) + ".0");
        };
    }

    private static byte[] flipBits(byte[] bytes, SplittableRandom random) {
        byte[] out = bytes.clone();
        int flips = 1 + random.nextInt(16);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(out.length);
            out[at] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static byte[] truncate(byte[] bytes, SplittableRandom random) {
        byte[] out = new byte[random.nextInt(bytes.length)];
        System.arraycopy(bytes, 0, out, 0, out.length);
        return out;
    }

    /** Invalid UTF-8, NULs, control characters and Latin-1 in the middle of a line. */
    private static byte[] badEncoding(byte[] bytes, SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        int at = random.nextInt(bytes.length);
        out.write(bytes, 0, at);
        byte[][] junk = {{(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {0}, {(byte) 0xE2, (byte) 0x82}, {0x1B, '['},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {0x7F}, {'%', '0', '0'}};
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            byte[] j = junk[random.nextInt(junk.length)];
            out.write(j, 0, j.length);
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] extremeNumber(byte[] bytes, SplittableRandom random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<int[]> numbers = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                numbers.add(new int[] {start, i});
            }
        }
        if (numbers.isEmpty()) {
            return bytes;
        }
        int[] pick = numbers.get(random.nextInt(numbers.size()));
        String replaced = text.substring(0, pick[0]) + EXTREME_NUMBERS[random.nextInt(EXTREME_NUMBERS.length)]
                + text.substring(pick[1]);
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] whitespace(byte[] bytes, SplittableRandom random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text);
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String ws = switch (random.nextInt(4)) {
                case 0 -> " ";
                case 1 -> "\t";
                case 2 -> "\r\n ";
                default -> " ".repeat(1 + random.nextInt(300));
            };
            out.insert(random.nextInt(out.length() + 1), ws);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private interface LineEdit {
        void apply(List<String> lines, SplittableRandom random);
    }

    /** Edits the header lines (the start line stays first), keeping the body. */
    private static byte[] onLines(byte[] bytes, SplittableRandom random, LineEdit edit) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return bytes;
        }
        List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\r\n", -1)));
        edit.apply(lines, random);
        return (String.join("\r\n", lines) + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String register(int index, String transport) {
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:5099;rport;branch=z9hG4bK-fz" + index + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Two Hundred\" <sip:200@" + OFFICE + ">;tag=fz" + index + "\r\n"
                + "To: <sip:200@" + OFFICE + ">\r\n"
                + "Call-ID: fuzz-" + index + "@127.0.0.1\r\n"
                + "CSeq: " + (index + 1) + " REGISTER\r\n"
                + "Contact: <sip:200@127.0.0.1:5099;transport=" + transport.toLowerCase() + ">;expires=600;q=0.7\r\n"
                + "Authorization: Digest username=\"200\",realm=\"" + OFFICE + "\",nonce=\"AAAB\",uri=\"sip:"
                + OFFICE + "\",response=\"0123456789abcdef0123456789abcdef\",algorithm=MD5,qop=auth,nc=00000001,cnonce=\"ab\"\r\n"
                + "User-Agent: fuzz/1.0\r\n"
                + "Expires: 600\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String invite(int index, String transport) {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        return "INVITE sip:201@" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:5099;rport;branch=z9hG4bK-fz" + index + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:200@" + OFFICE + ">;tag=fz" + index + "\r\n"
                + "To: \"Two-O-One\" <sip:201@" + OFFICE + ">\r\n"
                + "Call-ID: fuzz-" + index + "@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:200@127.0.0.1:5099>\r\n"
                + "Supported: replaces, timer\r\n"
                + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static String subscribe(int index, String transport) {
        return "SUBSCRIBE sip:201@" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:5099;rport;branch=z9hG4bK-fz" + index + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:200@" + OFFICE + ">;tag=fz" + index + "\r\n"
                + "To: <sip:201@" + OFFICE + ">\r\n"
                + "Call-ID: fuzz-" + index + "@127.0.0.1\r\n"
                + "CSeq: 1 SUBSCRIBE\r\n"
                + "Contact: <sip:200@127.0.0.1:5099>\r\n"
                + "Event: presence;id=" + index + "\r\n"
                + "Accept: application/pidf+xml, application/dialog-info+xml\r\n"
                + "Expires: 3600\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
