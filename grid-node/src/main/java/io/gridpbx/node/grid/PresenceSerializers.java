package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.CallState;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.Publication;
import io.gridpbx.core.presence.Publications;
import io.gridpbx.core.presence.PublishOutcome;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.core.presence.UserCalls;
import io.gridpbx.core.presence.body.DialogState;
import java.util.List;

/**
 * Compact serializers of the presence server's state: subscriptions, published presence, the calls of
 * watched users, and what a PUBLISH's entry processor answers.
 */
final class PresenceSerializers {

    private PresenceSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new SubscriptionSerializer(), new PublicationSerializer(), new PublicationsSerializer(),
                new CallStateSerializer(), new UserCallsSerializer(), new PublishedSerializer(), new RemovedSerializer(),
                new TooBriefSerializer(), new RefusedSerializer());
    }

    static final class SubscriptionSerializer extends NamedCompactSerializer<Subscription> {
        SubscriptionSerializer() {
            super("gridpbx.Subscription", Subscription.class);
        }

        @Override
        public Subscription read(CompactReader in) {
            String event = in.readString("event");
            String[] route = in.readArrayOfString("route");
            return new Subscription(in.readString("callId"), in.readString("watcherTag"), in.readString("ourTag"),
                    EventPackage.byToken(event).orElseThrow(() -> new IllegalStateException("unknown package " + event)),
                    in.readString("eventId"), AddressOfRecord.parse(in.readString("watcher")),
                    AddressOfRecord.parse(in.readString("resource")),
                    new DialogTarget(in.readString("contact"), route == null ? List.of() : List.of(route)),
                    in.readString("flow"), in.readInt64("expiresAt"), in.readInt64("cseq"), in.readInt64("version"),
                    in.readString("nodeId"));
        }

        @Override
        public void write(CompactWriter out, Subscription s) {
            out.writeString("callId", s.callId());
            out.writeString("watcherTag", s.watcherTag());
            out.writeString("ourTag", s.ourTag());
            out.writeString("event", s.event().token());
            out.writeString("eventId", s.eventId());
            out.writeString("watcher", s.watcher().toString());
            out.writeString("resource", s.resource().toString());
            out.writeString("contact", s.watcherTarget().contact());
            out.writeArrayOfString("route", s.watcherTarget().route().toArray(String[]::new));
            out.writeString("flow", s.flow());
            out.writeInt64("expiresAt", s.expiresAtMillis());
            out.writeInt64("cseq", s.cseq());
            out.writeInt64("version", s.version());
            out.writeString("nodeId", s.nodeId());
        }
    }

    static final class PublicationSerializer extends NamedCompactSerializer<Publication> {
        PublicationSerializer() {
            super("gridpbx.Publication", Publication.class);
        }

        @Override
        public Publication read(CompactReader in) {
            String[] activities = in.readArrayOfString("activities");
            return new Publication(in.readString("etag"), in.readBoolean("open"), in.readString("note"),
                    activities == null ? List.of() : List.of(activities), in.readInt64("publishedAt"),
                    in.readInt64("expiresAt"));
        }

        @Override
        public void write(CompactWriter out, Publication p) {
            out.writeString("etag", p.etag());
            out.writeBoolean("open", p.open());
            out.writeString("note", p.note());
            out.writeArrayOfString("activities", p.activities().toArray(String[]::new));
            out.writeInt64("publishedAt", p.publishedAtMillis());
            out.writeInt64("expiresAt", p.expiresAtMillis());
        }
    }

    static final class PublicationsSerializer extends NamedCompactSerializer<Publications> {
        PublicationsSerializer() {
            super("gridpbx.Publications", Publications.class);
        }

        @Override
        public Publications read(CompactReader in) {
            Publication[] live = in.readArrayOfCompact("live", Publication.class);
            return new Publications(live == null ? List.of() : List.of(live));
        }

        @Override
        public void write(CompactWriter out, Publications p) {
            out.writeArrayOfCompact("live", p.live().toArray(Publication[]::new));
        }
    }

    static final class CallStateSerializer extends NamedCompactSerializer<CallState> {
        CallStateSerializer() {
            super("gridpbx.CallState", CallState.class);
        }

        @Override
        public CallState read(CompactReader in) {
            return new CallState(in.readString("callId"), in.readString("localTag"), in.readString("remoteTag"),
                    DialogState.Direction.valueOf(in.readString("direction")),
                    DialogState.State.valueOf(in.readString("state")), in.readString("localIdentity"),
                    in.readString("remoteIdentity"), in.readString("remoteTarget"), in.readInt64("since"));
        }

        @Override
        public void write(CompactWriter out, CallState c) {
            out.writeString("callId", c.callId());
            out.writeString("localTag", c.localTag());
            out.writeString("remoteTag", c.remoteTag());
            out.writeString("direction", c.direction().name());
            out.writeString("state", c.state().name());
            out.writeString("localIdentity", c.localIdentity());
            out.writeString("remoteIdentity", c.remoteIdentity());
            out.writeString("remoteTarget", c.remoteTarget());
            out.writeInt64("since", c.sinceMillis());
        }
    }

    static final class UserCallsSerializer extends NamedCompactSerializer<UserCalls> {
        UserCallsSerializer() {
            super("gridpbx.UserCalls", UserCalls.class);
        }

        @Override
        public UserCalls read(CompactReader in) {
            CallState[] calls = in.readArrayOfCompact("calls", CallState.class);
            return new UserCalls(calls == null ? List.of() : List.of(calls));
        }

        @Override
        public void write(CompactWriter out, UserCalls u) {
            out.writeArrayOfCompact("calls", u.calls().toArray(CallState[]::new));
        }
    }

    static final class PublishedSerializer extends NamedCompactSerializer<PublishOutcome.Published> {
        PublishedSerializer() {
            super("gridpbx.PublishPublished", PublishOutcome.Published.class);
        }

        @Override
        public PublishOutcome.Published read(CompactReader in) {
            return new PublishOutcome.Published(in.readString("etag"), in.readInt32("seconds"));
        }

        @Override
        public void write(CompactWriter out, PublishOutcome.Published p) {
            out.writeString("etag", p.etag());
            out.writeInt32("seconds", p.seconds());
        }
    }

    static final class RemovedSerializer extends NamedCompactSerializer<PublishOutcome.Removed> {
        RemovedSerializer() {
            super("gridpbx.PublishRemoved", PublishOutcome.Removed.class);
        }

        @Override
        public PublishOutcome.Removed read(CompactReader in) {
            return new PublishOutcome.Removed();
        }

        /** One field, so that the schema is never empty. */
        @Override
        public void write(CompactWriter out, PublishOutcome.Removed r) {
            out.writeBoolean("removed", true);
        }
    }

    static final class TooBriefSerializer extends NamedCompactSerializer<PublishOutcome.TooBrief> {
        TooBriefSerializer() {
            super("gridpbx.PublishTooBrief", PublishOutcome.TooBrief.class);
        }

        @Override
        public PublishOutcome.TooBrief read(CompactReader in) {
            return new PublishOutcome.TooBrief(in.readInt32("minSeconds"));
        }

        @Override
        public void write(CompactWriter out, PublishOutcome.TooBrief t) {
            out.writeInt32("minSeconds", t.minSeconds());
        }
    }

    static final class RefusedSerializer extends NamedCompactSerializer<PublishOutcome.Refused> {
        RefusedSerializer() {
            super("gridpbx.PublishRefused", PublishOutcome.Refused.class);
        }

        @Override
        public PublishOutcome.Refused read(CompactReader in) {
            return new PublishOutcome.Refused(in.readInt32("status"), in.readString("reason"));
        }

        @Override
        public void write(CompactWriter out, PublishOutcome.Refused r) {
            out.writeInt32("status", r.status());
            out.writeString("reason", r.reason());
        }
    }
}
