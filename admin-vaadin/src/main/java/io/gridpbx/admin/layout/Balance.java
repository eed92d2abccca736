package io.gridpbx.admin.layout;

import com.vaadin.flow.component.html.Span;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.BalanceAdmin;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.store.StoreUnavailableException;

/**
 * A reseller's own balance in the header ({@code balance}), read afresh on every screen; nothing at
 * other levels. A balance the grid does not give in time reads as a dash: the screen still opens.
 */
final class Balance extends Span {

    private final BalanceAdmin balances;
    private final AdminSettings settings;

    Balance(BalanceAdmin balances, AdminSettings settings) {
        this.balances = balances;
        this.settings = settings;
        setId("balance");
        addClassName("balance");
        setVisible(false);
    }

    void show(Scope actor) {
        if (actor.level() != Level.RESELLER) {
            setVisible(false);
            return;
        }
        try {
            long micros = balances.balance(actor, actor.tenant());
            setText(getTranslation("layout.balance", Formats.money(micros, settings.currency(), getLocale())));
            getElement().getClassList().set("negative", micros < 0);
            setVisible(true);
        } catch (NotFoundException gone) {
            setVisible(false);
        } catch (StoreUnavailableException late) {
            setText(getTranslation("layout.balance", "–"));
            getElement().getClassList().set("negative", false);
            setVisible(true);
        }
    }
}
