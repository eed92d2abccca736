package io.gridpbx.sip.jain;

import io.gridpbx.core.trunking.Gateway;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPTIONS to a gateway, the way carriers expect to be watched (RFC 3261 section 11): one request, over
 * the gateway's transport, whose answer tells that the gateway lives. A probe that gets no final
 * answer within its patience completes with 408, well before the transaction's own Timer F (32 s).
 */
final class JainSipProbes {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipProbes.class);

    /** What a probe's transaction carries, so that the proxy hands its answer here and not to a call. */
    static final class Pending {
        final CompletableFuture<Integer> answer = new CompletableFuture<>();

        void answered(int status) {
            if (status >= 200) {
                answer.complete(status);
            }
        }
    }

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final String advertisedHost;
    private final ScheduledExecutorService timers;

    JainSipProbes(JainSipResponder responder, JainSipSelf self, String advertisedHost, ScheduledExecutorService timers) {
        this.responder = responder;
        this.self = self;
        this.advertisedHost = advertisedHost;
        this.timers = timers;
    }

    CompletionStage<Integer> probe(Gateway gateway, Duration patience) {
        Pending pending = new Pending();
        try {
            SipURI target = responder.addresses().createSipURI(null, gateway.host());
            target.setPort(gateway.port());
            String transport = gateway.transport().name().toLowerCase(Locale.ROOT);
            if (gateway.transport() != Gateway.Transport.UDP) {
                target.setTransportParam(transport);
            }
            SipURI from = responder.addresses().createSipURI("gridpbx", advertisedHost);
            FromHeader fromHeader = responder.headers().createFromHeader(responder.addresses().createAddress(from),
                    Long.toHexString(System.nanoTime()));
            ToHeader toHeader = responder.headers().createToHeader(responder.addresses().createAddress(target), null);
            CallIdHeader callId = responder.provider().getNewCallId();
            Request options = responder.messages().createRequest(target, Request.OPTIONS, callId,
                    responder.headers().createCSeqHeader(1L, Request.OPTIONS), fromHeader, toHeader,
                    List.of(self.via(transport, "probe")), responder.headers().createMaxForwardsHeader(70));
            ClientTransaction transaction = responder.provider().getNewClientTransaction(options);
            transaction.setApplicationData(pending);
            transaction.sendRequest();
        } catch (Exception unsendable) {
            LOG.debug("cannot probe gateway {} at {}: {}", gateway.id(), gateway.host(), unsendable.getMessage());
            pending.answer.complete(503);
            return pending.answer;
        }
        timers.schedule(() -> pending.answer.complete(408), patience.toMillis(), TimeUnit.MILLISECONDS);
        return pending.answer;
    }
}
