package io.gridpbx.core.security;

import java.util.List;

/** Where the platform's allow-list, as its administrator edited it, is kept for every node. */
public interface AllowListStore {

    /** The entries (addresses and CIDRs) as saved; empty when never edited. */
    List<String> entries();

    void save(List<String> entries);
}
