package io.gridpbx.admin.layout;

import com.vaadin.flow.component.html.Span;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ResellerAdmin;

/** A reseller's own balance in the header ({@code balance}), read afresh on every screen; nothing at other levels. */
final class Balance extends Span {

    private final ResellerAdmin resellers;
    private final AdminSettings settings;

    Balance(ResellerAdmin resellers, AdminSettings settings) {
        this.resellers = resellers;
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
            long micros = resellers.get(actor, actor.tenant()).balanceMicros();
            setText(getTranslation("layout.balance", Formats.money(micros, settings.currency(), getLocale())));
            getElement().getClassList().set("negative", micros < 0);
            setVisible(true);
        } catch (NotFoundException gone) {
            setVisible(false);
        }
    }
}
