package io.gridpbx.admin.shared;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;

/** The search box above a list ({@code search}); it asks again a moment after the typing stops. */
public final class SearchField extends TextField {

    public SearchField(Runnable changed) {
        setId("search");
        setPlaceholder(I18NProvider.translate("action.search"));
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setValueChangeMode(ValueChangeMode.LAZY);
        setClearButtonVisible(true);
        addValueChangeListener(change -> changed.run());
    }
}
