package io.gridpbx.admin.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import io.gridpbx.core.tenancy.Languages;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The bundles {@code io/gridpbx/admin/i18n/messages_en} and {@code _fr}; any other locale is shown
 * in English. A missing key shows as {@code !key!} so that it is seen, never as a blank.
 */
public final class AdminTranslations implements I18NProvider {

    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final String BUNDLE = "io.gridpbx.admin.i18n.messages";
    // Without this, a French lookup of a missing key would fall back to the JVM's default locale.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, @Nullable Locale locale, Object... params) {
        Locale effective = supported(locale);
        return find(key, effective)
                .map(pattern -> params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params))
                .orElse("!" + key + "!");
    }

    /** The text of a key in one of the two languages, if the bundle has it. */
    public static Optional<String> find(String key, @Nullable Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** French for any French locale, English for everything else. */
    public static Locale supported(@Nullable Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** The locale of an account or user language code ({@code en}, {@code fr}). */
    public static Locale of(@Nullable String language) {
        return language != null && Languages.isSupported(language) ? supported(Locale.of(language)) : Locale.ENGLISH;
    }
}
