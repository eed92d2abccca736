package io.gridpbx.core.access;

/** What a portal password must be: long enough to resist guessing, short enough to hash (bcrypt reads 72 bytes). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 72;

    private PasswordPolicy() {
    }

    public static boolean isAcceptable(String password) {
        return password.length() >= MIN_LENGTH && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_LENGTH
                && !password.isBlank();
    }
}
