package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.concurrent.CompletionStage;

/** Where published presence lives: in the grid, per presentity, changed only by {@link Publications#apply} on the key's owner. */
public interface PublicationStore {

    /** Applies a PUBLISH with the entity tag a new or changed publication gets; one grid round trip. */
    CompletionStage<PublishOutcome> publish(AddressOfRecord entity, PublishRequest request, String newEtag);

    CompletionStage<Publications> publications(AddressOfRecord entity);
}
