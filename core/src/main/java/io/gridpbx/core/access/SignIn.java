package io.gridpbx.core.access;

import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in, with lockout after repeated failures, and the forgot-password flow. Unknown emails
 * and wrong passwords get the same answer and cost the same hash, so neither reveals which emails
 * have accounts.
 */
public final class SignIn {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final PasswordResets resets;
    private final ResetMailer mailer;
    private final AuditLog audit;
    private final Clock clock;
    private final String dummyHash;

    public SignIn(AccountStore accounts, PasswordHasher hasher, PasswordResets resets, ResetMailer mailer,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.resets = resets;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = hasher.hash("not a password anybody has");
    }

    /** Checks the password and returns the actor at its home scope; counts failures and locks. */
    public Actor authenticate(String email, String password) {
        Optional<Account> found = Account.isValidEmail(email) ? accounts.find(Account.normalizeEmail(email))
                : Optional.empty();
        if (found.isEmpty()) {
            hasher.matches(password, dummyHash);
            throw new SignInRefused(SignInRefused.Reason.BAD_CREDENTIALS);
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (account.isLocked(now)) {
            throw new SignInRefused(SignInRefused.Reason.LOCKED);
        }
        if (!hasher.matches(password, account.passwordHash())) {
            int failures = account.failedSignIns() + 1;
            boolean lock = failures >= MAX_FAILURES;
            accounts.save(account.withFailure(lock ? 0 : failures, lock ? now.plus(LOCKOUT) : null));
            if (lock) {
                audit.append(new AuditEntry(now, account.email(), "locked", account.home(), account.email()));
                throw new SignInRefused(SignInRefused.Reason.LOCKED);
            }
            throw new SignInRefused(SignInRefused.Reason.BAD_CREDENTIALS);
        }
        if (account.failedSignIns() > 0 || account.lockedUntil() != null) {
            accounts.save(account.withSuccess());
        }
        audit.append(new AuditEntry(now, account.email(), "sign-in", account.home(), account.email()));
        return Actor.signedIn(account);
    }

    public Optional<Account> account(String email) {
        return accounts.find(Account.normalizeEmail(email));
    }

    /**
     * A fingerprint of the account's current password, for sessions opened with it: it changes when
     * the password changes, and is empty once the account is gone. Sessions compare it on every page.
     */
    public Optional<String> sessionStamp(String email) {
        return accounts.find(Account.normalizeEmail(email)).map(a -> Secrets.sha256(a.passwordHash()));
    }

    /** Starts a reset when the account exists; says nothing either way (no account discovery). */
    public void forgotPassword(String email) {
        if (!Account.isValidEmail(email)) {
            return;
        }
        accounts.find(Account.normalizeEmail(email)).ifPresent(account -> {
            String token = Secrets.newToken();
            resets.put(Secrets.sha256(token), account.email(), clock.instant().plus(RESET_VALIDITY));
            mailer.send(account.email(), account.language(), token);
        });
    }

    /** Sets a new password from a reset token; the token works once and unlocks the account. */
    public void resetPassword(String token, String newPassword) {
        if (!PasswordPolicy.isAcceptable(newPassword)) {
            throw new ValidationException(FieldError.of("password", "password.weak",
                    "at least " + PasswordPolicy.MIN_LENGTH + " characters"));
        }
        PasswordResets.Pending pending = resets.take(Secrets.sha256(token.trim()))
                .filter(p -> clock.instant().isBefore(p.expiresAt()))
                .orElseThrow(() -> new ValidationException(FieldError.of("token", "token.invalid",
                        "this reset link is unknown, used or expired")));
        Account account = accounts.find(pending.email()).orElseThrow(() -> new ValidationException(
                FieldError.of("token", "token.invalid", "this reset link is unknown, used or expired")));
        accounts.save(account.withPasswordHash(hasher.hash(newPassword)));
        audit.append(new AuditEntry(clock.instant(), account.email(), "reset-password", account.home(), account.email()));
    }

    /** Changes the language of the signed-in person's own screens. */
    public void changeLanguage(Actor actor, String language) {
        if (!io.gridpbx.core.tenancy.Languages.isSupported(language)) {
            throw new ValidationException(FieldError.of("language", "language.unsupported",
                    "one of " + io.gridpbx.core.tenancy.Languages.SUPPORTED));
        }
        accounts.find(actor.email()).ifPresent(account -> accounts.save(account.withLanguage(language)));
    }

    /** Changes the signed-in person's own password, checking the current one. */
    public void changePassword(Actor actor, String current, String newPassword) {
        Account account = accounts.find(actor.email()).orElseThrow(() -> new SignInRefused(SignInRefused.Reason.BAD_CREDENTIALS));
        if (!hasher.matches(current, account.passwordHash())) {
            throw new ValidationException(FieldError.of("current", "password.wrong", "the current password is wrong"));
        }
        if (!PasswordPolicy.isAcceptable(newPassword)) {
            throw new ValidationException(FieldError.of("password", "password.weak",
                    "at least " + PasswordPolicy.MIN_LENGTH + " characters"));
        }
        accounts.save(account.withPasswordHash(hasher.hash(newPassword)));
    }
}
