package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Established calls in the {@code dialogs} map. Writes are asynchronous: the proxy relays the 200 OK
 * without waiting for the grid. A dialog whose BYE never came expires after a day.
 */
public final class HazelcastDialogRegistry implements DialogRegistry {

    private static final long MAX_DIALOG_HOURS = 24;

    private final IMap<String, Dialog> dialogs;

    public HazelcastDialogRegistry(HazelcastInstance grid) {
        this.dialogs = grid.getMap(MapNames.DIALOGS);
    }

    @Override
    public void started(Dialog dialog) {
        dialogs.setAsync(dialog.id().key(), dialog, MAX_DIALOG_HOURS, TimeUnit.HOURS);
    }

    @Override
    public void ended(DialogId id) {
        dialogs.deleteAsync(id.key());
    }

    @Override
    public Optional<Dialog> find(DialogId id) {
        return Optional.ofNullable(dialogs.get(id.key()));
    }

    @Override
    public int activeCount() {
        return dialogs.size();
    }
}
