package io.gridpbx.admin.i18n;

import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.FieldError;
import java.util.Locale;

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

    public static String of(ConflictException conflict, Locale locale) {
        return AdminTranslations.find("error." + conflict.code(), locale).orElse(conflict.getMessage());
    }
}
