package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.PublicationStore;
import io.gridpbx.core.presence.Publications;
import io.gridpbx.core.presence.PublishOutcome;
import io.gridpbx.core.presence.PublishRequest;
import io.gridpbx.core.presence.SubscriptionRules;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Published presence in the {@code presence.publications} map, by AOR: a PUBLISH is one
 * {@link PublishProcessor} on the entry's owner, answered within the node's {@link GridDeadline}.
 */
public final class HazelcastPublications implements PublicationStore {

    private final IMap<String, Publications> publications;
    private final SubscriptionRules rules;
    private final Clock clock;
    private final GridDeadline deadline;

    /** @param rules how long a publication may last (RFC 3903 section 6, the same bounds as subscriptions) */
    public HazelcastPublications(HazelcastInstance grid, SubscriptionRules rules, Clock clock, GridDeadline deadline) {
        this.publications = grid.getMap(MapNames.PRESENCE_PUBLICATIONS);
        this.rules = rules;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<PublishOutcome> publish(AddressOfRecord entity, PublishRequest request, String newEtag) {
        String key = entity.toString();
        return deadline.bound(publications.submitToKey(key, new PublishProcessor(request, rules, newEtag, clock.millis())),
                "publish", key);
    }

    @Override
    public CompletionStage<Publications> publications(AddressOfRecord entity) {
        String key = entity.toString();
        return deadline.bound(publications.getAsync(key), "publications", key)
                .thenApply(found -> found == null ? Publications.NONE : found);
    }
}
