package io.gridpbx.admin.shared;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * What a detail page shows when the service says "not found": the object does not exist or lies
 * outside the actor's subtree, and the screen does not tell which (element id {@code not-found}).
 */
public final class NotFoundPanel extends Div {

    public NotFoundPanel(String what) {
        addClassName("not-found");
        H2 title = new H2(I18NProvider.translate("notfound.title"));
        Paragraph text = new Paragraph(I18NProvider.translate("notfound.text", what));
        text.setId("not-found");
        add(title, text);
    }
}
