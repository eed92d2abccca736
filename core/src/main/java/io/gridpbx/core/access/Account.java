package io.gridpbx.core.access;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to the portal: an email, a password hash (never the password), the scope of
 * its home level and the language of its screens.
 *
 * @param failedSignIns consecutive failed sign-ins since the last success
 * @param lockedUntil   while in the future, every sign-in is refused
 */
public record Account(String email, String passwordHash, Scope home, String language, int failedSignIns,
        @Nullable Instant lockedUntil) {

    // Deliberately simple: one @, no spaces, a dot in the domain. RFC 5322 in full accepts far more
    // than any mail system delivers to.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    public Account {
        email = normalizeEmail(email);
        if (!isValidEmail(email)) {
            throw new IllegalArgumentException("not an email address: '" + email + "'");
        }
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValidEmail(String email) {
        return EMAIL.matcher(email.trim()).matches();
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Account withFailure(int failures, @Nullable Instant lockUntil) {
        return new Account(email, passwordHash, home, language, failures, lockUntil);
    }

    Account withSuccess() {
        return new Account(email, passwordHash, home, language, 0, null);
    }

    public Account withPasswordHash(String hash) {
        return new Account(email, hash, home, language, 0, null);
    }

    public Account withLanguage(String newLanguage) {
        return new Account(email, passwordHash, home, newLanguage, failedSignIns, lockedUntil);
    }
}
