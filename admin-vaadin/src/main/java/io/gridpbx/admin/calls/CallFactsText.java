package io.gridpbx.admin.calls;

import com.vaadin.flow.i18n.I18NProvider;
import io.gridpbx.core.dialog.CallFacts;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How both call screens word a call's facts: which way it went, the public number it reached or came
 * from, and the carrier's gateway. A call tracked before calls kept their facts shows blanks.
 */
final class CallFactsText {

    private CallFactsText() {
    }

    static String direction(@Nullable CallFacts facts, Locale locale) {
        return facts == null ? ""
                : I18NProvider.translate(locale, "call.direction." + facts.direction().name().toLowerCase(Locale.ROOT));
    }

    /** The E.164 number once it is known, else what the caller dialled; blank for an internal call. */
    static String number(@Nullable CallFacts facts) {
        return facts == null ? "" : facts.e164().isEmpty() ? facts.dialled() : facts.e164();
    }

    static String gateway(@Nullable CallFacts facts) {
        return facts == null ? "" : facts.gateway();
    }
}
