package io.gridpbx.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.dialog.Dialog;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A target refresh of one dialog ({@link Dialog#refreshed}), run where the dialog lives. It is a pure
 * function of the stored dialog and its arguments, so running it again (a retry, or on the backup)
 * gives the same dialog.
 */
public final class RefreshTargetsProcessor implements EntryProcessor<String, Dialog, Void>, IdentifiedDataSerializable {

    private String senderTag = "";
    private String senderContact = "";
    private String responderContact = "";

    /** For deserialization only. */
    public RefreshTargetsProcessor() {
    }

    RefreshTargetsProcessor(String senderTag, String senderContact, String responderContact) {
        this.senderTag = senderTag;
        this.senderContact = senderContact;
        this.responderContact = responderContact;
    }

    @Override
    public @Nullable Void process(Map.Entry<String, Dialog> entry) {
        Dialog dialog = entry.getValue();
        if (dialog != null) {
            Dialog refreshed = dialog.refreshed(senderTag, senderContact, responderContact);
            if (!refreshed.equals(dialog)) {
                // Keep the dialog's expiry: a plain setValue gives the entry the map's default (none), and a
                // dialog whose node died after a re-INVITE would then never expire into its record.
                if (entry instanceof ExtendedMapEntry<String, Dialog> kept) {
                    kept.setValueWithoutChangingExpiryTime(refreshed);
                } else {
                    entry.setValue(refreshed);
                }
            }
        }
        return null;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(senderTag);
        out.writeString(senderContact);
        out.writeString(responderContact);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        senderTag = in.readString();
        senderContact = in.readString();
        responderContact = in.readString();
    }

    @Override
    public int getFactoryId() {
        return GridDataSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridDataSerializers.REFRESH_TARGETS;
    }
}
