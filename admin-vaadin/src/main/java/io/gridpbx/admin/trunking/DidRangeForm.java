package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.DidAdmin;
import java.util.List;

/**
 * The platform adds consecutive numbers to the inventory: {@code dids-first}, {@code dids-count},
 * {@code dids-add-range}; none is added when one of them is already there.
 */
final class DidRangeForm extends VerticalLayout {

    final TextField first = Fields.text("dids-first", "did.first");
    final TextField count = Fields.text("dids-count", "did.count");
    final Button addRange = Buttons.primary("dids-add-range", "did.add-range", this::addRange);
    final FormErrors errors = new FormErrors("dids-range-error").bind("first", first).bind("count", count);
    private final DidAdmin dids;
    private final Scope actor;
    private final Runnable added;

    DidRangeForm(DidAdmin dids, Scope actor, Runnable added) {
        this.dids = dids;
        this.actor = actor;
        this.added = added;
        setPadding(false);
        first.setPlaceholder("15145550100");
        first.setHelperText(getTranslation("did.first.help"));
        count.setValue("1");
        count.setHelperText(getTranslation("did.count.help", DidAdmin.MAX_RANGE));
        HorizontalLayout line = new HorizontalLayout(first, count, addRange);
        line.setAlignItems(Alignment.BASELINE);
        add(line, errors.general());
    }

    private void addRange() {
        errors.attempt(() -> {
            List<Did> range = dids.addRange(actor, first.getValue(), count.getValue());
            added.run();
            Notices.success(getTranslation("did.range-added", range.size()));
        });
    }
}
