package io.gridpbx.admin.users;

import io.gridpbx.admin.users.UserCsv.Line;
import io.gridpbx.admin.users.UserCsv.LineError;
import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.PasswordPolicy;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.access.SignIn;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.UserForm;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.tenancy.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Imports the users of a CSV all or nothing. Every line is checked first, with the rules
 * {@link UserAdmin#create} applies (and the same error codes), plus duplicates inside the file; one
 * bad line and nothing is saved. Then each user is created through {@link UserAdmin}; should the
 * service still refuse one (a rule the check does not know, or a concurrent change), the users this
 * import created are deleted again, so the file is still all or nothing.
 */
final class UserImport {

    // UserAdmin's minimum for a SIP secret (its constant is package-private in core).
    static final int MIN_SIP_PASSWORD = 8;

    record Result(int created, List<LineError> errors) {
    }

    private final UserAdmin users;
    private final SignIn signIn;

    UserImport(UserAdmin users, SignIn signIn) {
        this.users = users;
        this.signIn = signIn;
    }

    Result run(Scope actor, String clientDomain, UserCsv.Parsed parsed) {
        List<LineError> errors = new ArrayList<>(parsed.errors());
        Set<String> extensions = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (Line line : parsed.lines()) {
            check(actor, clientDomain, line, extensions, emails).forEach(e -> errors.add(new LineError(line.number(), e)));
        }
        if (!errors.isEmpty() || parsed.lines().isEmpty()) {
            return new Result(0, errors);
        }
        return createAll(actor, clientDomain, parsed.lines());
    }

    private Result createAll(Scope actor, String clientDomain, List<Line> lines) {
        List<AddressOfRecord> created = new ArrayList<>();
        for (Line line : lines) {
            try {
                created.add(users.create(actor, clientDomain, line.form()).addressOfRecord());
            } catch (ValidationException refused) {
                undo(actor, created);
                return new Result(0, refused.errors().stream().map(e -> new LineError(line.number(), e)).toList());
            } catch (ConflictException conflict) {
                undo(actor, created);
                return new Result(0, List.of(new LineError(line.number(),
                        FieldError.of("line", conflict.code(), conflict.getMessage()))));
            }
        }
        return new Result(created.size(), List.of());
    }

    private void undo(Scope actor, List<AddressOfRecord> created) {
        created.forEach(aor -> users.delete(actor, aor));
    }

    private List<FieldError> check(Scope actor, String clientDomain, Line line, Set<String> extensions, Set<String> emails) {
        UserForm form = line.form();
        List<FieldError> errors = new ArrayList<>();
        String extension = nz(form.extension());
        if (!User.isValidExtension(extension)) {
            errors.add(FieldError.of("extension", "extension.invalid", "1 to 32 letters, digits or . _ + -"));
        } else if (!extensions.add(extension) || exists(actor, new AddressOfRecord(extension, clientDomain))) {
            errors.add(FieldError.of("extension", "extension.taken", "this extension already exists"));
        }
        String name = nz(form.displayName());
        if (name.isEmpty() || name.length() > 200) {
            errors.add(FieldError.of("displayName", "name.required", "1 to 200 characters"));
        }
        if (nz(form.sipPassword()).length() < MIN_SIP_PASSWORD) {
            errors.add(FieldError.of("sipPassword", "secret.weak", "at least " + MIN_SIP_PASSWORD + " characters"));
        }
        checkLogin(form, emails, errors);
        String language = nz(form.language());
        if (!language.isEmpty() && !Languages.isSupported(language)) {
            errors.add(FieldError.of("language", "language.unsupported", "one of " + Languages.SUPPORTED));
        }
        String mac = User.normalizeMac(form.mac());
        if (mac != null && !User.isValidMac(mac)) {
            errors.add(FieldError.of("mac", "mac.invalid", "12 hex digits, e.g. 00:11:22:aa:bb:cc"));
        }
        if (nz(form.department()).length() > 100) {
            errors.add(FieldError.of("department", "department.length", "at most 100 characters"));
        }
        return errors;
    }

    private void checkLogin(UserForm form, Set<String> emails, List<FieldError> errors) {
        String email = nz(form.email());
        if (email.isEmpty()) {
            return;
        }
        if (!Account.isValidEmail(email)) {
            errors.add(FieldError.of("email", "email.invalid", "not an email address"));
        } else if (!emails.add(Account.normalizeEmail(email)) || signIn.account(email).isPresent()) {
            errors.add(FieldError.of("email", "email.taken", "another account already signs in with this email"));
        }
        if (!PasswordPolicy.isAcceptable(nz(form.portalPassword()))) {
            errors.add(FieldError.of("portalPassword", "password.weak",
                    "at least " + PasswordPolicy.MIN_LENGTH + " characters"));
        }
    }

    private boolean exists(Scope actor, AddressOfRecord aor) {
        try {
            users.get(actor, aor);
            return true;
        } catch (NotFoundException free) {
            return false;
        }
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text.trim();
    }
}
