package io.gridpbx.admin.clients;

import io.gridpbx.core.digest.DigestAlgorithm;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The four choices of a client's digest algorithms as the form shows them: the platform's default,
 * MD5, SHA-256, or both (SHA-256 first, RFC 8760).
 */
enum DigestOffer {
    PLATFORM_DEFAULT("client.digest.default", List.of()),
    MD5("client.digest.md5", List.of(DigestAlgorithm.MD5)),
    SHA_256("client.digest.sha256", List.of(DigestAlgorithm.SHA_256)),
    BOTH("client.digest.both", List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));

    private final String labelKey;
    private final List<DigestAlgorithm> algorithms;

    DigestOffer(String labelKey, List<DigestAlgorithm> algorithms) {
        this.labelKey = labelKey;
        this.algorithms = algorithms;
    }

    String labelKey() {
        return labelKey;
    }

    /** The choice that a client's stored algorithms (strongest first) stand for. */
    static DigestOffer of(List<DigestAlgorithm> algorithms) {
        for (DigestOffer offer : values()) {
            if (offer.algorithms.equals(algorithms)) {
                return offer;
            }
        }
        return PLATFORM_DEFAULT;
    }

    /** What the form posts: the algorithms' names; none for the default (or a cleared field). */
    static List<String> tokens(@Nullable DigestOffer offer) {
        return offer == null ? List.of() : offer.algorithms.stream().map(DigestAlgorithm::token).toList();
    }
}
