package io.gridpbx.media.ng;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dictionary of one request, with its keys and flag words in one spelling: rtpengine takes
 * "call id" and "call-id" alike (old clients write spaces, new ones hyphens), so every space becomes a
 * hyphen and the comparison ignores case.
 */
final class NgRequest {

    private final Map<String, Object> entries = new HashMap<>();

    NgRequest(Map<String, Object> dictionary) {
        dictionary.forEach((key, value) -> entries.put(normal(key), value));
    }

    /** The command word, lower case; {@link NgException} when there is none. */
    String command() {
        return string("command").map(word -> word.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new NgException("Dictionary contains no key \"command\""));
    }

    /** A string value (UTF-8), or an integer's decimal form; empty when absent or of another type. */
    Optional<String> string(String key) {
        return switch (entries.get(key)) {
            case byte[] bytes -> Optional.of(new String(bytes, StandardCharsets.UTF_8));
            case Long number -> Optional.of(number.toString());
            case null, default -> Optional.empty();
        };
    }

    /** A string value that must be there and not empty. */
    String required(String key, String reasonWhenMissing) {
        return string(key).filter(value -> !value.isEmpty()).orElseThrow(() -> new NgException(reasonWhenMissing));
    }

    /** The raw octets of a string value (an SDP body). */
    Optional<byte[]> bytes(String key) {
        return entries.get(key) instanceof byte[] bytes ? Optional.of(bytes) : Optional.empty();
    }

    /**
     * The words of a list value, normalised like keys ({@code flags}, {@code replace}, {@code rtcp-mux},
     * {@code supports}); a single string counts as a list of one, as rtpengine reads it.
     */
    List<String> words(String key) {
        List<String> words = new ArrayList<>();
        Object value = entries.get(key);
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof byte[] bytes) {
                    words.add(normal(new String(bytes, StandardCharsets.UTF_8)));
                }
            }
        } else if (value instanceof byte[] bytes) {
            words.add(normal(new String(bytes, StandardCharsets.UTF_8)));
        }
        return words;
    }

    /** The raw strings of a list value, unnormalised ({@code received-from}: family and address). */
    List<String> strings(String key) {
        List<String> strings = new ArrayList<>();
        if (entries.get(key) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof byte[] bytes) {
                    strings.add(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        return strings;
    }

    boolean hasFlag(String flag) {
        return words("flags").contains(normal(flag));
    }

    static String normal(String word) {
        return word.strip().replace(' ', '-').toLowerCase(Locale.ROOT);
    }
}
