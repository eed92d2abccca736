package io.gridpbx.sip.jain;

import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventHeader;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.PublishOutcome;
import io.gridpbx.core.presence.PublishRequest;
import io.gridpbx.core.presence.SubscribeOutcome;
import io.gridpbx.core.presence.SubscribeRequest;
import io.gridpbx.core.presence.body.BodyException;
import io.gridpbx.core.presence.body.PresenceDocument;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * SUBSCRIBE and PUBLISH on the wire, for the {@link PresenceServer}: this node is the notifier and
 * the event state compositor of every user it serves (RFC 6665, RFC 3903), where the proxy would
 * otherwise relay them to the user's phones. The request is parsed and checked first (a malformed
 * Event header, a missing Contact, a body of the wrong type: a 4xx, never a challenge), then
 * authenticated like a call (407 in the sender's realm, RFC 3261 section 22.3; the From user must be
 * the authenticated one), then decided. Answers are stateless: a retransmitted SUBSCRIBE meets the
 * same dialog tag and the same subscription.
 */
final class JainSipPresence {

    private static final String PIDF = "application/pidf+xml";

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final DigestAuthenticator authenticator;
    private final TenantDirectory directory;
    private final JainSipFailures failures;
    private final String nodeId;
    private final java.time.Clock clock;
    private volatile @Nullable PresenceServer server;
    /**
     * The SUBSCRIBEs this node accepted lately, by Call-ID, From tag and CSeq: a retransmission (its 200
     * was lost, or came late) is answered again but not notified again (RFC 3261 section 17.2.2: the
     * same transaction), which a stateless answer would otherwise do.
     */
    private final java.util.Map<String, Long> accepted = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long RETRANSMISSION_MILLIS = 32_000;
    private static final int MOST_REMEMBERED = 20_000;

    JainSipPresence(JainSipResponder responder, JainSipSelf self, DigestAuthenticator authenticator,
            TenantDirectory directory, JainSipFailures failures, String nodeId, java.time.Clock clock) {
        this.clock = clock;
        this.responder = responder;
        this.self = self;
        this.authenticator = authenticator;
        this.directory = directory;
        this.failures = failures;
        this.nodeId = nodeId;
    }

    void serve(PresenceServer presence) {
        this.server = presence;
    }

    @Nullable PresenceServer server() {
        return server;
    }

    /** Where a directed pickup goes; refused while this node serves no presence (nobody can see ringing calls). */
    CompletionStage<io.gridpbx.core.presence.PickupOutcome> pickup(AddressOfRecord picker, AddressOfRecord dialled,
            io.gridpbx.core.presence.Replaces replaces) {
        PresenceServer presence = server;
        return presence == null
                ? CompletableFuture.completedFuture(new io.gridpbx.core.presence.PickupOutcome.Refused(481,
                        "No Ringing Call To Pick Up"))
                : presence.pickup(picker, dialled, replaces);
    }

    /**
     * Whether the request is this node's to answer as presence server: a SUBSCRIBE or PUBLISH outside a
     * dialog for a domain this cluster serves, or a SUBSCRIBE inside one for a package it serves (a
     * subscription of its own; others, such as a REFER's, belong to a call and are proxied). A request
     * routed on to another host is not.
     */
    boolean takes(Request request) {
        if (server == null) {
            return false;
        }
        String method = request.getMethod();
        if (!Request.SUBSCRIBE.equals(method) && !Request.PUBLISH.equals(method)) {
            return false;
        }
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        while (routes != null && routes.hasNext()) {
            if (!self.isOurs(((RouteHeader) routes.next()).getAddress().getURI())) {
                return false;
            }
        }
        if (!JainSipMessages.toTag(request).isEmpty()) {
            javax.sip.header.Header event = request.getHeader("Event");
            return Request.SUBSCRIBE.equals(method) && event != null
                    && EventPackage.byToken(eventType(event)).isPresent();
        }
        AddressOfRecord resource = JainSipMessages.aorOf(request.getRequestURI());
        return resource != null && directory.client(resource.domain()).isPresent();
    }

    void on(Request request) throws ParseException, SipException, InvalidArgumentException {
        PresenceServer presence = server;
        EventHeader event;
        try {
            javax.sip.header.Header header = request.getHeader("Event");
            event = EventHeader.parse(header == null ? null : JainSipMessages.headerValue(header));
        } catch (IllegalArgumentException bad) {
            responder.reject(request, 400, bad.getMessage());
            return;
        }
        if (Request.SUBSCRIBE.equals(request.getMethod()) && EventPackage.byToken(event.eventType()).isEmpty()) {
            badEvent(request); // validation before authentication: an unknown package is never challenged
            return;
        }
        AddressOfRecord sender = JainSipMessages.aorOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        AddressOfRecord resource = resourceOf(request);
        if (sender == null || resource == null || presence == null) {
            responder.reject(request, 400, sender == null ? "From Must Be A SIP URI With A User" : "No Resource In Request-URI");
            return;
        }
        if (Request.PUBLISH.equals(request.getMethod())) {
            onPublish(request, presence, event, sender, resource);
        } else {
            onSubscribe(request, presence, event, sender, resource);
        }
    }

    private void onSubscribe(Request request, PresenceServer presence, EventHeader event, AddressOfRecord watcher,
            AddressOfRecord resource) throws ParseException, SipException, InvalidArgumentException {
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact == null || contact.getAddress().isWildcard()) {
            responder.reject(request, 400, "SUBSCRIBE Needs A Contact");
            return;
        }
        URI target = contact.getAddress().getURI();
        String toTag = JainSipMessages.toTag(request);
        ExpiresHeader expires = request.getExpires();
        var flow = JainSipFlows.flowOf(JainSipMessages.source(request), target);
        SubscribeRequest subscribe = new SubscribeRequest(JainSipMessages.callId(request), JainSipMessages.fromTag(request),
                toTag.isEmpty() ? null : toTag, event, watcher, resource,
                new DialogTarget(target.toString(), recordRoute(request)), flow == null ? null : flow.token(),
                expires == null ? null : expires.getExpires(), nodeId, supports(request, "eventlist"));
        authenticated(request, watcher)
                .thenCompose(user -> user == null ? CompletableFuture.completedFuture(null) : presence.subscribe(subscribe))
                .whenComplete((outcome, failure) -> {
                    try {
                        if (failure != null) {
                            failures.answer(request, failure);
                        } else if (outcome != null) {
                            answerSubscribe(request, presence, outcome);
                        }
                    } catch (Exception | StackOverflowError e) {
                        failures.answer(request, e);
                    }
                });
    }

    private void answerSubscribe(Request request, PresenceServer presence, SubscribeOutcome outcome)
            throws ParseException, SipException, InvalidArgumentException {
        switch (outcome) {
            case SubscribeOutcome.Accepted accepted -> {
                Response ok = responder.response(request, 200, "OK");
                ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(accepted.subscription().ourTag());
                ok.addHeader(responder.headers().createExpiresHeader(accepted.seconds()));
                ok.addHeader(responder.headers().createContactHeader(responder.addresses().createAddress(
                        self.uri(accepted.subscription().resource().user(), transportOf(request)))));
                if (accepted.subscription().isList()) {
                    ok.addHeader(responder.headers().createHeader("Require", "eventlist")); // RFC 4662 section 5.1
                }
                responder.send(ok);
                if (firstAnswer(request)) {
                    presence.notifyAccepted(accepted); // section 4.2.1.2: the first NOTIFY follows at once
                }
            }
            case SubscribeOutcome.TooBrief brief -> {
                Response response = responder.response(request, 423, "Interval Too Brief");
                response.addHeader(responder.headers().createMinExpiresHeader(brief.minSeconds()));
                responder.send(response);
            }
            case SubscribeOutcome.BadEvent bad -> badEvent(request);
            case SubscribeOutcome.Refused refused when refused.status() == 421 -> {
                Response response = responder.response(request, 421, refused.reason());
                response.addHeader(responder.headers().createHeader("Require", "eventlist")); // RFC 4662 section 4.5
                responder.send(response);
            }
            case SubscribeOutcome.Refused refused -> responder.reject(request, refused.status(), refused.reason());
        }
    }

    /** Whether this SUBSCRIBE is answered for the first time (not a retransmission answered before). */
    private boolean firstAnswer(Request request) {
        long now = clock.millis();
        String key = JainSipMessages.callId(request) + '|' + JainSipMessages.fromTag(request) + '|'
                + JainSipMessages.cseq(request);
        Long before = accepted.put(key, now);
        if (accepted.size() > MOST_REMEMBERED) {
            accepted.values().removeIf(at -> now - at > RETRANSMISSION_MILLIS);
            if (accepted.size() > MOST_REMEMBERED) {
                accepted.clear(); // a flood of distinct SUBSCRIBEs: forgetting costs a NOTIFY, never a subscription
            }
        }
        return before == null || now - before > RETRANSMISSION_MILLIS;
    }

    private void onPublish(Request request, PresenceServer presence, EventHeader event, AddressOfRecord publisher,
            AddressOfRecord entity) throws ParseException, SipException, InvalidArgumentException {
        if (EventPackage.byToken(event.eventType()).orElse(null) != EventPackage.PRESENCE) {
            badEvent(request); // RFC 3903 section 6 step 2: only presence has a compositor here
            return;
        }
        PresenceDocument document = null;
        byte[] body = request.getRawContent();
        if (body != null && body.length > 0) {
            ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
            if (type == null || !PIDF.equalsIgnoreCase(type.getContentType() + "/" + type.getContentSubType())) {
                Response response = responder.response(request, 415, "Unsupported Media Type");
                response.addHeader(responder.headers().createAcceptHeader("application", "pidf+xml"));
                responder.send(response);
                return;
            }
            try {
                document = PresenceDocument.parse(body);
            } catch (BodyException bad) {
                responder.reject(request, bad.status(), bad.reason());
                return;
            }
        }
        javax.sip.header.Header ifMatch = request.getHeader("SIP-If-Match");
        ExpiresHeader expires = request.getExpires();
        PublishRequest publish = new PublishRequest(ifMatch == null ? null : JainSipMessages.headerValue(ifMatch), document,
                expires == null ? null : expires.getExpires());
        authenticated(request, publisher)
                .thenCompose(user -> user == null ? CompletableFuture.completedFuture(null)
                        : presence.publishOnce(publisher, entity, publish, JainSipMessages.callId(request) + '|'
                                + JainSipMessages.fromTag(request) + '|' + JainSipMessages.cseq(request)))
                .whenComplete((outcome, failure) -> {
                    try {
                        if (failure != null) {
                            failures.answer(request, failure);
                        } else if (outcome != null) {
                            answerPublish(request, outcome);
                        }
                    } catch (Exception | StackOverflowError e) {
                        failures.answer(request, e);
                    }
                });
    }

    private void answerPublish(Request request, PublishOutcome outcome) throws ParseException, SipException,
            InvalidArgumentException {
        switch (outcome) {
            case PublishOutcome.Published published -> {
                Response ok = responder.response(request, 200, "OK");
                ok.addHeader(responder.headers().createHeader("SIP-ETag", published.etag()));
                ok.addHeader(responder.headers().createExpiresHeader(published.seconds()));
                responder.send(ok);
            }
            case PublishOutcome.Removed removed -> {
                Response ok = responder.response(request, 200, "OK");
                ok.addHeader(responder.headers().createExpiresHeader(0));
                responder.send(ok);
            }
            case PublishOutcome.TooBrief brief -> {
                Response response = responder.response(request, 423, "Interval Too Brief");
                response.addHeader(responder.headers().createMinExpiresHeader(brief.minSeconds()));
                responder.send(response);
            }
            case PublishOutcome.Refused refused -> responder.reject(request, refused.status(), refused.reason());
        }
    }

    /**
     * The authenticated user when it is the one the From header names; null when the request was
     * answered already (a challenge, or 403 for a From that is not the user's).
     */
    private CompletionStage<@Nullable SipCredentials> authenticated(Request request, AddressOfRecord sender)
            throws ParseException, SipException {
        String realm = sender.domain();
        if (directory.client(realm).isEmpty()) {
            responder.reject(request, 403, "Sender Domain Not Served");
            return CompletableFuture.completedFuture(null);
        }
        DigestResponse answer = null;
        for (DigestResponse candidate : JainSipMessages.digestResponses(request, ProxyAuthorizationHeader.NAME)) {
            if (candidate.realm().equalsIgnoreCase(realm)) {
                answer = candidate;
            }
        }
        String key = DigestAuthenticator.requestKey(request.getMethod(), JainSipMessages.callId(request),
                JainSipMessages.cseq(request));
        return authenticator.authenticate(request.getMethod(), realm, answer, key).thenApply(verdict -> {
            try {
                return switch (verdict) {
                    case DigestAuthenticator.Verdict.Challenge challenge -> {
                        responder.challenge(request, challenge.challenges(), challenge.failedUser(), true);
                        yield null;
                    }
                    case DigestAuthenticator.Verdict.Authenticated authenticated -> {
                        if (authenticated.credentials().owner().equals(sender)) {
                            yield authenticated.credentials();
                        }
                        responder.reject(request, 403, "From Does Not Match Credentials");
                        yield null;
                    }
                };
            } catch (ParseException | SipException unsent) {
                // as it is, for the failures' wall: a sender whose connection is gone is not a fault here
                throw new java.util.concurrent.CompletionException(unsent);
            }
        });
    }

    /** Whether a Supported header of the request names {@code option}. */
    private static boolean supports(Request request, String option) {
        ListIterator<?> headers = request.getHeaders("Supported");
        while (headers != null && headers.hasNext()) {
            for (String token : JainSipMessages.headerValue((javax.sip.header.Header) headers.next()).split(",")) {
                if (token.strip().equalsIgnoreCase(option)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 489 with the packages this server knows (RFC 6665 section 8.3.2). */
    private void badEvent(Request request) throws ParseException, SipException {
        Response response = responder.response(request, 489, "Bad Event");
        for (EventPackage event : EventPackage.values()) {
            response.addHeader(responder.headers().createAllowEventsHeader(event.token()));
        }
        responder.send(response);
    }

    /** The watched or published user: the Request-URI's, or for a request in a subscription (sent to our Contact) the To header's. */
    private static @Nullable AddressOfRecord resourceOf(Request request) {
        AddressOfRecord fromUri = JainSipMessages.aorOf(request.getRequestURI());
        if (JainSipMessages.toTag(request).isEmpty() && fromUri != null) {
            return fromUri;
        }
        AddressOfRecord to = JainSipMessages.aorOf(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        return to != null ? to : fromUri;
    }

    /** The route set towards the watcher (RFC 3261 section 12.1.1: the Record-Route in order), without this node. */
    private List<String> recordRoute(Request request) {
        List<String> route = new ArrayList<>(0);
        ListIterator<?> headers = request.getHeaders(RecordRouteHeader.NAME);
        while (headers != null && headers.hasNext()) {
            RecordRouteHeader header = (RecordRouteHeader) headers.next();
            if (!self.isOurs(header.getAddress().getURI())) {
                route.add(header.getAddress().toString());
            }
        }
        return route;
    }

    private static String transportOf(Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }

    private static String eventType(javax.sip.header.Header header) {
        String value = JainSipMessages.headerValue(header);
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
    }
}
