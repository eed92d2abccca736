package io.gridpbx.admin.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The row of search and actions above a list, aligned on the text baseline. */
public final class Toolbar extends HorizontalLayout {

    public Toolbar(Component... items) {
        super(items);
        addClassName("toolbar");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }
}
