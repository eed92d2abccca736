package io.gridpbx.admin.shared;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.core.manage.BalanceAdmin;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The form of a top-up under the balance as it is now ({@code top-up-balance}): the amount
 * ({@code top-up-amount}; negative corrects a balance) and a note for the audit trail
 * ({@code top-up-note}, e.g. a payment's reference). The service checks both.
 */
public final class TopUpForm extends FormLayout implements Editor<@Nullable Long> {

    public final Span now = new Span();
    public final TextField amount = Fields.text("top-up-amount", "top-up.amount");
    public final TextField note = Fields.text("top-up-note", "top-up.note");
    private final FormErrors errors = new FormErrors("top-up-error").bind("amount", amount).bind("note", note);
    private final Currency currency;

    public TopUpForm(Currency currency) {
        this.currency = currency;
        now.setId("top-up-balance");
        amount.setHelperText(getTranslation("top-up.amount.help"));
        amount.setSuffixComponent(new Span(currency.getCurrencyCode()));
        note.setMaxLength(BalanceAdmin.NOTE_LENGTH);
        note.setHelperText(getTranslation("top-up.note.help"));
        add(now, amount, note, errors.general());
        setColspan(now, 2);
        setColspan(errors.general(), 2);
    }

    /** Shows the balance before the top-up; null when the balances did not answer in time. */
    @Override
    public void edit(@Nullable Long balanceMicros) {
        now.setText(getTranslation("top-up.now", balanceMicros == null ? "–"
                : Formats.money(balanceMicros, currency, getLocale())));
    }

    @Override
    public FormErrors errors() {
        return errors;
    }
}
