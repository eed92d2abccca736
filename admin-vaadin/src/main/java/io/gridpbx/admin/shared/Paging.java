package io.gridpbx.admin.shared;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import io.gridpbx.core.manage.Page;

/** Binds a grid to a paged service call, so that the grid fetches only the rows it shows. */
public final class Paging {

    /** A service's list call with everything but the page already chosen. */
    @FunctionalInterface
    public interface Source<T> {
        Page<T> page(int offset, int limit);
    }

    private Paging() {
    }

    public static <T> GridLazyDataView<T> bind(Grid<T> grid, Source<T> source) {
        return grid.setItems(query -> source.page(query.getOffset(), Math.min(query.getLimit(), Page.MAX_LIMIT))
                .items().stream(), query -> (int) source.page(0, 1).total());
    }
}
