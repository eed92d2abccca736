package io.gridpbx.core.manage;

import static io.gridpbx.core.manage.Forms.text;

import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.PasswordHasher;
import io.gridpbx.core.access.PasswordPolicy;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.gridpbx.core.voicemail.VoicemailStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** A client's users: the client (or a level above it) manages them; a user may read itself. */
public final class UserAdmin {

    public static final int MIN_SIP_PASSWORD = 8;
    public static final int MAX_NAME = 100;

    private final TenantDirectory directory;
    private final SipPasswordSeal seal;
    private final BindingStore bindings;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final ProfileCatalog profiles;
    private final PictureStore pictures;
    private final VoicemailStore voicemail;

    /**
     * @param profiles the user profiles the resellers offer, which a user may name
     * @param pictures the users' profile pictures, which go with their user
     * @param voicemail the users' mailboxes, counted in the list and gone with their user
     */
    public UserAdmin(TenantDirectory directory, BindingStore bindings, AccountStore accounts, PasswordHasher hasher,
            ProfileCatalog profiles, PictureStore pictures, VoicemailStore voicemail) {
        this(directory, bindings, accounts, hasher, profiles, pictures, voicemail, SipPasswordSeal.NONE);
    }

    /** @param seal keeps each SIP password set here retrievable for phone provisioning */
    public UserAdmin(TenantDirectory directory, BindingStore bindings, AccountStore accounts, PasswordHasher hasher,
            ProfileCatalog profiles, PictureStore pictures, VoicemailStore voicemail, SipPasswordSeal seal) {
        this.seal = seal;
        this.directory = directory;
        this.bindings = bindings;
        this.accounts = accounts;
        this.hasher = hasher;
        this.profiles = profiles;
        this.pictures = pictures;
        this.voicemail = voicemail;
    }

    /**
     * A user as its list shows it.
     *
     * @param login         the user's portal email, if it has one
     * @param registrations how many contacts are registered for it right now, cluster-wide
     * @param profileName   the name of the user's profile; null without one (or when the reseller deleted it)
     * @param voicemail     how many messages its mailbox holds, and how many it has not heard
     */
    public record Row(User user, @Nullable String login, int registrations, @Nullable String profileName,
            Mailbox.Count voicemail) {

        public Row(User user, @Nullable String login, int registrations) {
            this(user, login, registrations, null, Mailbox.Count.NONE);
        }
    }

    public Page<Row> list(Scope actor, String clientDomain, String search, int offset, int limit) {
        if (!actor.level().isAbove(Level.USER)) {
            throw new ForbiddenException("users do not list users; the directory shows colleagues");
        }
        Client client = client(actor, clientDomain);
        String needle = search.trim().toLowerCase(Locale.ROOT);
        List<User> users = directory.usersOf(client.domain()).stream().filter(u -> matches(u, needle)).toList();
        Page<User> page = Page.of(users, u -> true, Comparator.comparing(User::extension, UserAdmin::byNumber),
                offset, limit);
        // One read of the client's logins and one of its reseller's profiles for the whole page.
        Map<String, String> logins = new HashMap<>();
        accounts.ofUsersIn(client.domain()).forEach(a -> logins.putIfAbsent(a.home().tenant(), a.email()));
        Map<String, String> profileNames = new HashMap<>();
        profiles.of(client.resellerRealm()).forEach(p -> profileNames.put(p.id(), p.name()));
        Map<AddressOfRecord, Mailbox> mailboxes = voicemail.mailboxes(
                page.items().stream().map(User::addressOfRecord).toList());
        // The page's location reads go out together, so the page waits for one round trip, not one a row.
        Map<AddressOfRecord, CompletionStage<List<Binding>>> contacts =
                new HashMap<>();
        page.items().forEach(u -> contacts.put(u.addressOfRecord(), bindings.lookup(u.addressOfRecord())));
        return new Page<>(page.items().stream().map(u -> new Row(u, logins.get(u.addressOfRecord().toString()),
                Stages.await(contacts.get(u.addressOfRecord())).size(), u.profile() == null ? null : profileNames.get(u.profile()),
                mailboxes.getOrDefault(u.addressOfRecord(), Mailbox.EMPTY).count()))
                .toList(), page.offset(), page.limit(), page.total());
    }

    public Row row(User user) {
        String login = accounts.withHome(Scope.user(user.addressOfRecord())).stream().map(Account::email)
                .findFirst().orElse(null);
        String profileName = user.profile() == null ? null
                : profiles.find(resellerOf(user), user.profile()).map(ProfileChoice::name).orElse(null);
        return new Row(user, login, Stages.await(bindings.lookup(user.addressOfRecord())).size(), profileName,
                voicemail.mailbox(user.addressOfRecord()).count());
    }

    /** The user profiles a user of this client may be given: its reseller's, by name. */
    public List<ProfileChoice> profiles(Scope actor, String clientDomain) {
        requireManager(actor);
        return profiles.of(client(actor, clientDomain).resellerRealm());
    }

    public User get(Scope actor, AddressOfRecord aor) {
        return find(actor, aor).orElseThrow(() -> new NotFoundException("user", aor.toString()));
    }

    public User get(Scope actor, String aor) {
        try {
            return get(actor, AddressOfRecord.parse(aor));
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("user", aor);
        }
    }

    public User create(Scope actor, String clientDomain, UserForm form) {
        requireManager(actor);
        User user = prepare(client(actor, clientDomain), form);
        save(user, text(form.sipPassword()));
        Accounts.rekey(accounts, hasher, null, emailOf(form), Scope.user(user.addressOfRecord()),
                user.language(), text(form.portalPassword()));
        return user;
    }

    /** Checks a new user's form against the client as it stands; throws every bad field. */
    private User prepare(Client client, UserForm form) {
        Errors errors = new Errors();
        String extension = text(form.extension());
        errors.check(User.isValidExtension(extension), "extension", "extension.invalid",
                "1 to 32 letters, digits or . _ + -");
        errors.check(errors.has("extension") || directory.user(new AddressOfRecord(extension, client.domain())).isEmpty()
                && directory.credentials(extension, client.domain()).isEmpty(), "extension", "extension.taken",
                "this extension already exists");
        errors.check(text(form.sipPassword()).length() >= MIN_SIP_PASSWORD, "sipPassword", "secret.weak",
                "at least " + MIN_SIP_PASSWORD + " characters");
        return validated(form, extension, client, CallSettings.DEFAULTS, null, errors);
    }

    /** A bad row of a bulk create: its position (0-based) and what is wrong with it. */
    public record RowError(int row, FieldError error) {
    }

    /** What is wrong with each row of a bulk create, checked together (an extension twice in the file included). */
    public List<RowError> check(Scope actor, String clientDomain, List<UserForm> rows) {
        requireManager(actor);
        Client client = client(actor, clientDomain);
        List<RowError> problems = new java.util.ArrayList<>();
        java.util.Set<String> extensions = new java.util.HashSet<>();
        java.util.Set<String> logins = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            UserForm form = rows.get(i);
            try {
                prepare(client, form);
            } catch (ValidationException invalid) {
                for (FieldError error : invalid.errors()) {
                    problems.add(new RowError(i, error));
                }
            }
            if (!extensions.add(text(form.extension()))) {
                problems.add(new RowError(i, FieldError.of("extension", "extension.repeated", "the file has this extension twice")));
            }
            String login = emailOf(form);
            if (login != null && !logins.add(login)) {
                problems.add(new RowError(i, FieldError.of("email", "email.repeated", "the file has this login twice")));
            }
        }
        return problems;
    }

    /** Creates every row or, when any row is bad, none: the rows' errors are thrown together. */
    public List<User> createAll(Scope actor, String clientDomain, List<UserForm> rows) {
        List<RowError> problems = check(actor, clientDomain, rows);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> FieldError.of("row " + (p.row() + 1) + ": "
                    + p.error().field(), p.error().code(), p.error().message())).toList());
        }
        Client client = client(actor, clientDomain);
        List<TenantDirectory.UserWithCredentials> batch = new java.util.ArrayList<>();
        for (UserForm form : rows) {
            User user = prepare(client, form);
            batch.add(new TenantDirectory.UserWithCredentials(user,
                    SipCredentials.fromPassword(user.authUser(), user.domain(), user.addressOfRecord(), text(form.sipPassword()),
                            seal)));
        }
        directory.saveUsers(batch);
        for (int i = 0; i < rows.size(); i++) {
            User user = batch.get(i).user();
            Accounts.rekey(accounts, hasher, null, emailOf(rows.get(i)), Scope.user(user.addressOfRecord()),
                    user.language(), text(rows.get(i).portalPassword()));
        }
        return batch.stream().map(TenantDirectory.UserWithCredentials::user).toList();
    }

    public User update(Scope actor, AddressOfRecord aor, UserForm form) {
        requireManager(actor);
        User current = get(actor, aor);
        Client client = client(actor, current.domain());
        Errors errors = new Errors();
        String secret = text(form.sipPassword());
        errors.check(secret.isEmpty() || secret.length() >= MIN_SIP_PASSWORD, "sipPassword", "secret.weak",
                "at least " + MIN_SIP_PASSWORD + " characters");
        String oldLogin = row(current).login();
        User updated = validated(form, current.extension(), client, current.callSettings(), oldLogin, errors);
        save(updated, secret);
        Accounts.rekey(accounts, hasher, oldLogin, emailOf(form), Scope.user(aor), updated.language(),
                text(form.portalPassword()));
        return updated;
    }

    public void delete(Scope actor, AddressOfRecord aor) {
        requireManager(actor);
        User user = get(actor, aor);
        directory.deleteUser(user);
        accounts.withHome(Scope.user(user.addressOfRecord())).forEach(a -> accounts.delete(a.email()));
        // A user created later with the same extension must not inherit this one's face.
        pictures.delete(user.addressOfRecord());
        // Nor hear its messages.
        List<VoicemailMessage> left = new ArrayList<>();
        voicemail.update(user.addressOfRecord(), mailbox -> {
            left.clear();
            left.addAll(mailbox.messages());
            return Mailbox.EMPTY;
        });
        left.forEach(m -> voicemail.deleteRecording(m.id()));
    }

    /** Saves the user; with a new secret, its credentials too (the next REGISTER on any node must use it). */
    void save(User user, String newSecret) {
        if (!newSecret.isEmpty()) {
            directory.saveUser(user, SipCredentials.fromPassword(user.authUser(), user.domain(), user.addressOfRecord(),
                    newSecret, seal));
        } else if (directory.credentials(user.authUser(), user.domain()).isPresent()) {
            // Settings and names only: the credentials entry (and its row) is not rewritten.
            directory.saveUser(user);
        } else {
            throw new ConflictException("user.no-credentials", "the user has no SIP secret; set one");
        }
    }

    Client client(Scope actor, String clientDomain) {
        try {
            String domain = DomainName.normalize(clientDomain);
            return Optional.of(domain).filter(actor::coversDomain).flatMap(directory::client)
                    .orElseThrow(() -> new NotFoundException("client", clientDomain));
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("client", clientDomain);
        }
    }

    private Optional<User> find(Scope actor, AddressOfRecord aor) {
        return actor.coversUser(aor) ? directory.user(aor) : Optional.empty();
    }

    private static void requireManager(Scope actor) {
        if (!actor.level().isAbove(Level.USER)) {
            throw new ForbiddenException("only the user's client or a level above manages users");
        }
    }

    private User validated(UserForm form, String extension, Client client, CallSettings settings,
            @Nullable String currentLogin, Errors errors) {
        String firstName = text(form.firstName()).strip();
        String lastName = text(form.lastName()).strip();
        errors.check(firstName.length() <= MAX_NAME, "firstName", "name.length", "at most " + MAX_NAME + " characters");
        errors.check(lastName.length() <= MAX_NAME, "lastName", "name.length", "at most " + MAX_NAME + " characters");
        String typedName = text(form.displayName()).strip();
        // The SIP display name: as typed, or else the person's name (two names of 100 may make 201 characters).
        String fullName = (firstName + " " + lastName).strip();
        String name = typedName.isEmpty() ? fullName.substring(0, Math.min(fullName.length(), 200)).strip() : typedName;
        errors.check(!name.isEmpty() && name.length() <= 200, "displayName", "name.required", "1 to 200 characters");
        String profile = text(form.profile()).strip();
        errors.check(profile.isEmpty() || profiles.find(client.resellerRealm(), profile).isPresent(), "profile",
                "profile.unknown", "not a user profile of the client's reseller");
        String email = emailOf(form);
        if (email != null) {
            Accounts.checkEmail(errors, accounts, email, currentLogin);
            String portal = text(form.portalPassword());
            errors.check(portal.isEmpty() ? currentLogin != null : PasswordPolicy.isAcceptable(portal),
                    "portalPassword", "password.weak", "at least " + PasswordPolicy.MIN_LENGTH + " characters");
        }
        String language = text(form.language()).isEmpty() ? client.language() : text(form.language());
        errors.check(Languages.isSupported(language), "language", "language.unsupported", "one of " + Languages.SUPPORTED);
        String mac = User.normalizeMac(form.mac());
        errors.check(mac == null || User.isValidMac(mac), "mac", "mac.invalid", "12 hex digits, e.g. 00:11:22:aa:bb:cc");
        String department = text(form.department());
        errors.check(department.length() <= 100, "department", "department.length", "at most 100 characters");
        errors.throwIfAny();
        return new User(extension, client.domain(), extension, name, language, settings,
                department.isEmpty() ? null : department, mac, firstName.isEmpty() ? null : firstName,
                lastName.isEmpty() ? null : lastName, profile.isEmpty() ? null : profile);
    }

    private static String resellerOf(User user) {
        return DomainName.parent(user.domain());
    }

    private static @Nullable String emailOf(UserForm form) {
        String email = text(form.email());
        return email.isEmpty() ? null : Account.normalizeEmail(email);
    }

    private static boolean matches(User u, String needle) {
        return needle.isEmpty() || u.extension().toLowerCase(Locale.ROOT).contains(needle)
                || contains(u.displayName(), needle) || contains(u.department(), needle)
                || contains(u.firstName(), needle) || contains(u.lastName(), needle) || contains(u.fullName(), needle);
    }

    private static boolean contains(@Nullable String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Numeric extensions in numeric order, then the others alphabetically. */
    private static int byNumber(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit);
        boolean nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return na ? -1 : nb ? 1 : a.compareTo(b);
    }
}
