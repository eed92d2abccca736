package io.gridpbx.core.manage;

import static io.gridpbx.core.manage.Forms.text;

import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.access.Secrets;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A user's own portal: its call settings (which the proxy reads on the next call, on every node),
 * language, a fresh SIP secret for a softphone, its profile picture, and the directory of its colleagues.
 */
public final class SelfCare {

    // A dialable number (digits, +, * and #) or a SIP URI.
    private static final Pattern TARGET = Pattern.compile("[0-9+*#]{1,32}|sips?:[^\\s@]{1,64}@[A-Za-z0-9.-]{1,253}(:\\d{1,5})?");

    private final TenantDirectory directory;
    private final UserAdmin users;
    private final AccountStore accounts;
    private final PictureStore pictures;

    public SelfCare(TenantDirectory directory, UserAdmin users, AccountStore accounts, PictureStore pictures) {
        this.directory = directory;
        this.users = users;
        this.accounts = accounts;
        this.pictures = pictures;
    }

    /** The user the actor is, signed in or connected as. */
    public User me(Scope actor) {
        return users.get(actor, requireUser(actor));
    }

    public User updateSettings(Actor actor, SettingsForm form) {
        User me = me(actor.scope());
        Errors errors = new Errors();
        String unconditional = target(form.forwardUnconditional(), "forwardUnconditional", errors);
        String busy = target(form.forwardBusy(), "forwardBusy", errors);
        String noAnswer = target(form.forwardNoAnswer(), "forwardNoAnswer", errors);
        Integer seconds = Numbers.integer(form.noAnswerSeconds(), me.callSettings().noAnswerSeconds());
        errors.check(seconds != null && seconds >= 5 && seconds <= 300, "noAnswerSeconds", "seconds.range",
                "a whole number of seconds from 5 to 300");
        String language = text(form.language()).isEmpty() ? me.language() : text(form.language());
        errors.check(Languages.isSupported(language), "language", "language.unsupported", "one of " + Languages.SUPPORTED);
        errors.throwIfAny();
        User updated = me.withCallSettings(new CallSettings(form.doNotDisturb(), form.callWaiting(), unconditional, busy,
                noAnswer, seconds)).withLanguage(language);
        users.save(updated, "");
        accounts.withHome(Scope.user(me.addressOfRecord()))
                .forEach(a -> accounts.save(a.withLanguage(language)));
        return updated;
    }

    /** Sets a new random SIP secret and returns it, once, for a softphone; the old one stops working at once. */
    public String newSipSecret(Scope actor) {
        User me = me(actor);
        String secret = Secrets.newToken().substring(0, 20);
        users.save(me, secret);
        return secret;
    }

    /** The user's own profile picture, if it set one. */
    public Optional<Picture> picture(Scope actor) {
        return pictures.find(me(actor).addressOfRecord());
    }

    /**
     * Sets the user's profile picture from the bytes of an uploaded file; refused (field {@code picture})
     * when they are larger than {@link Picture#MAX_BYTES} or not a PNG or JPEG image, whatever the file's name.
     */
    public Picture setPicture(Scope actor, byte[] bytes) {
        User me = me(actor);
        Picture picture = Picture.checked(bytes, "picture");
        pictures.save(me.addressOfRecord(), picture);
        return picture;
    }

    /** Removes the user's profile picture, if it had one. */
    public void clearPicture(Scope actor) {
        pictures.delete(me(actor).addressOfRecord());
    }

    /** The colleagues in the user's client, by extension. */
    public List<User> directory(Scope actor) {
        User me = me(actor);
        return directory.usersOf(me.domain()).stream().sorted(Comparator.comparing(User::extension)).toList();
    }

    private static AddressOfRecord requireUser(Scope actor) {
        if (actor.level() != io.gridpbx.core.access.Level.USER) {
            throw new ForbiddenException("the self-care portal belongs to a user; connect as one first");
        }
        return actor.userAddress();
    }

    private static @Nullable String target(@Nullable String typed, String field, Errors errors) {
        String text = text(typed).replace(" ", "");
        if (text.isEmpty()) {
            return null;
        }
        errors.check(TARGET.matcher(text).matches(), field, "target.invalid", "a phone number or a sip: address");
        return text;
    }
}
