package io.gridpbx.admin;

import io.gridpbx.core.security.AllowListStore;
import java.util.List;

/** The platform's allow-list kept in the test's memory, replaced whole as the grid's is. */
final class InMemoryAllowList implements AllowListStore {

    private volatile List<String> entries = List.of();

    @Override
    public List<String> entries() {
        return entries;
    }

    @Override
    public void save(List<String> entries) {
        this.entries = List.copyOf(entries);
    }
}
