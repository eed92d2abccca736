package io.gridpbx.sip.jain;

import io.gridpbx.core.presence.NotifySender;
import io.gridpbx.core.presence.Subscription;
import java.text.ParseException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a subscription's NOTIFYs from this node, whichever node took the SUBSCRIBE (RFC 6665 section
 * 4.2.2): the request is built from the subscription alone (its dialog, the watcher's Contact and
 * route set), with this node as Contact, so the watcher's next refresh comes to a live node. Sent on
 * a client transaction (retransmitted over UDP, timer F); its answer says whether the subscription
 * lives on: a 2xx, or a failure with Retry-After, keeps it; 481, any other failure and silence end it
 * (section 4.2.2).
 */
final class JainSipNotifier implements NotifySender {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipNotifier.class);

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final JainSipFlows flows;
    private final io.gridpbx.sip.SipCounters counters;

    JainSipNotifier(JainSipResponder responder, JainSipSelf self, JainSipFlows flows, io.gridpbx.sip.SipCounters counters) {
        this.counters = counters;
        this.responder = responder;
        this.self = self;
        this.flows = flows;
    }

    /** A NOTIFY on its way: its transaction carries this, so the listener hands its answer here. */
    static final class Pending {
        private final CompletableFuture<Result> result = new CompletableFuture<>();
        private final io.gridpbx.sip.SipCounters counters;

        Pending(io.gridpbx.sip.SipCounters counters) {
            this.counters = counters;
        }

        void answered(Response response) {
            int status = response.getStatusCode();
            if (status < 200) {
                return;
            }
            if (status < 300) {
                counters.notifyDelivered();
            }
            result.complete(status < 300 ? Result.DELIVERED
                    : response.getHeader("Retry-After") != null ? Result.FAILED : Result.GONE);
        }

        void silent() {
            result.complete(Result.GONE);
        }
    }

    @Override
    public CompletionStage<Result> send(Subscription subscription, String state, @Nullable Body body) {
        Pending pending = new Pending(counters);
        try {
            Request notify = request(subscription, state, body);
            ClientTransaction transaction = responder.provider().getNewClientTransaction(notify);
            transaction.setApplicationData(pending);
            transaction.sendRequest();
            counters.notifySent();
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException unsendable) {
            LOG.debug("cannot notify {} of {}: {}", subscription.watcher(), subscription.resource(), unsendable.toString());
            pending.result.complete(Result.FAILED);
        }
        return pending.result;
    }

    private Request request(Subscription subscription, String state, @Nullable Body body)
            throws ParseException, InvalidArgumentException, SipException {
        var addresses = responder.addresses();
        var headers = responder.headers();
        URI target = addresses.createURI(subscription.watcherTarget().contact());
        JainSipFlows.Flow flow = JainSipFlows.Flow.parse(subscription.flow());
        String transport = flow != null ? flow.transport().toLowerCase(Locale.ROOT)
                : target instanceof SipURI sip && sip.getTransportParam() != null
                        ? sip.getTransportParam().toLowerCase(Locale.ROOT) : "udp";
        var resource = addresses.createAddress("sip:" + subscription.resource());
        var watcher = addresses.createAddress("sip:" + subscription.watcher());
        Request notify = responder.messages().createRequest(target, Request.NOTIFY,
                headers.createCallIdHeader(subscription.callId()),
                headers.createCSeqHeader(subscription.cseq(), Request.NOTIFY),
                headers.createFromHeader(resource, subscription.ourTag()),
                headers.createToHeader(watcher, subscription.watcherTag()),
                java.util.List.of(self.via(transport, "notify")), headers.createMaxForwardsHeader(70));
        for (String hop : subscription.watcherTarget().route()) {
            notify.addHeader(headers.createRouteHeader(addresses.createAddress(hop)));
        }
        notify.addHeader(headers.createContactHeader(addresses.createAddress(self.uri(subscription.resource().user(), transport))));
        notify.addHeader(headers.createHeader("Event", subscription.eventHeader().render()));
        notify.addHeader(headers.createHeader("Subscription-State", state));
        if (subscription.isList()) {
            notify.addHeader(headers.createHeader("Require", "eventlist")); // RFC 4662 section 5.2
        }
        if (body != null) {
            notify.setContent(body.content(), contentType(body.contentType()));
        }
        if (flow != null && subscription.watcherTarget().route().isEmpty() && flows.holds(flow)) {
            flow.attachTo(notify); // a watcher behind NAT, or on its own connection (RFC 5626 section 5.3)
        }
        return notify;
    }

    private ContentTypeHeader contentType(String value) throws ParseException {
        return (ContentTypeHeader) responder.headers().createHeader(ContentTypeHeader.NAME, value);
    }
}
