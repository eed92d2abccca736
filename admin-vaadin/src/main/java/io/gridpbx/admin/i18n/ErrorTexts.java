package io.gridpbx.admin.i18n;

import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a service's refusal says on screen: {@code error.<code>} from the bundle, or the service's own
 * English message when the bundle has no such key (a code added to core before the screens knew it).
 */
public final class ErrorTexts {

    private ErrorTexts() {
    }

    public static String of(FieldError error, Locale locale) {
        return AdminTranslations.find("error." + error.code(), locale).orElse(error.message());
    }

    /** Every error of a refusal on one line, for a notice when the screen has no field to put them on. */
    public static String of(ValidationException refused, Locale locale) {
        return refused.errors().stream().map(e -> of(e, locale)).distinct().collect(Collectors.joining(" "));
    }

    public static String of(ConflictException conflict, Locale locale) {
        return AdminTranslations.find("error." + conflict.code(), locale).orElse(conflict.getMessage());
    }
}
