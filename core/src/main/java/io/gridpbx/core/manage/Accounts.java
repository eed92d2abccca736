package io.gridpbx.core.manage;

import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.PasswordHasher;
import io.gridpbx.core.access.PasswordPolicy;
import io.gridpbx.core.access.Scope;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Keeps a tenant's sign-in account in step with the email and password typed in its form. */
final class Accounts {

    private Accounts() {
    }

    /**
     * Moves the account from the old email to the new one (keeping its password unless a new one was
     * typed), creates it when there was none and a password was given, or deletes it when the email
     * was cleared.
     */
    static void rekey(AccountStore accounts, PasswordHasher hasher, @Nullable String oldEmail, @Nullable String newEmail,
            Scope home, String language, String newPassword) {
        Optional<Account> existing = oldEmail == null ? Optional.empty() : accounts.find(oldEmail);
        if (newEmail == null || newEmail.isBlank()) {
            existing.ifPresent(a -> accounts.delete(a.email()));
            return;
        }
        String hash = !newPassword.isEmpty() ? hasher.hash(newPassword)
                : existing.map(Account::passwordHash).orElse(null);
        if (hash == null) {
            return;
        }
        existing.filter(a -> !a.email().equals(Account.normalizeEmail(newEmail))).ifPresent(a -> accounts.delete(a.email()));
        accounts.save(new Account(newEmail, hash, home, language, 0, null));
    }

    /** Checks a login email: well formed, and not another account's. */
    static void checkEmail(Errors errors, AccountStore accounts, String email, @Nullable String currentEmail) {
        errors.check(Account.isValidEmail(email), "email", "email.invalid", "not an email address");
        errors.check(errors.has("email") || email.equals(currentEmail) || accounts.find(email).isEmpty(),
                "email", "email.taken", "another account already signs in with this email");
    }

    /** Checks a portal password typed in a form; blank passes when {@code blankKeepsCurrent}. */
    static void checkPassword(Errors errors, String field, String password, boolean blankKeepsCurrent) {
        errors.check(blankKeepsCurrent && password.isEmpty() || PasswordPolicy.isAcceptable(password), field,
                "password.weak", "at least " + PasswordPolicy.MIN_LENGTH + " characters");
    }
}
