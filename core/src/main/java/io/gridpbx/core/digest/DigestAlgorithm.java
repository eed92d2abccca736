package io.gridpbx.core.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The digest algorithms of RFC 7616 section 3.3 that GridPBX offers, with the hash each names. */
public enum DigestAlgorithm {
    // Declared weakest first: strongestFirst orders by this.
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String jdkName;
    /** MessageDigest is not thread-safe and costly to look up: one per thread, reused (hot path of every REGISTER). */
    private final ThreadLocal<MessageDigest> digests;

    DigestAlgorithm(String token, String jdkName) {
        this.token = token;
        this.jdkName = jdkName;
        this.digests = ThreadLocal.withInitial(() -> newDigest(jdkName));
    }

    private static MessageDigest newDigest(String jdkName) {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }

    /** The value of the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** Parses an {@code algorithm} parameter; absent means MD5 (RFC 7616 section 3.3). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses one algorithm named in configuration or by an admin: unlike {@link #fromToken}, a blank
     * name is no algorithm at all, not MD5.
     */
    public static Optional<DigestAlgorithm> named(String name) {
        return name.isBlank() ? Optional.empty() : fromToken(name.trim());
    }

    /**
     * A set of algorithms in the order a challenge lists them: the strongest first, as RFC 8760
     * section 3 and RFC 7616 section 3.7 ask of a server that offers several (a client takes the
     * first it supports).
     */
    public static List<DigestAlgorithm> strongestFirst(Collection<DigestAlgorithm> algorithms) {
        List<DigestAlgorithm> ordered = new ArrayList<>(algorithms.isEmpty()
                ? EnumSet.noneOf(DigestAlgorithm.class) : EnumSet.copyOf(algorithms));
        ordered.sort(Comparator.comparingInt(DigestAlgorithm::ordinal).reversed());
        return List.copyOf(ordered);
    }

    /** The tokens of a list, comma-separated: {@code SHA-256,MD5}. */
    public static String tokens(List<DigestAlgorithm> algorithms) {
        return String.join(",", algorithms.stream().map(DigestAlgorithm::token).toList());
    }

    /**
     * The algorithms of a stored {@link #tokens} string, each known one once, in the order given; a
     * token this version does not know is skipped (a newer node may have written it).
     */
    public static List<DigestAlgorithm> fromTokens(String tokens) {
        return Arrays.stream(tokens.split(",")).flatMap(token -> named(token).stream()).distinct().toList();
    }

    /** Lower-case hex of the hash of a UTF-8 string. */
    public String hash(String input) {
        return HexFormat.of().formatHex(digest(input));
    }

    /** The hash of a UTF-8 string, as bytes. */
    public byte[] digest(String input) {
        MessageDigest digest = digests.get();
        digest.reset();
        return digest.digest(input.getBytes(StandardCharsets.UTF_8));
    }

    /** HA1 = H(username ":" realm ":" password), RFC 7616 section 3.4.2. */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }
}
