package io.gridpbx.sip.jain;

import io.gridpbx.core.digest.DigestClient;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.RegisterOutcome;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTERs of trunk accounts to their carriers (RFC 3261 section 10.2): To and From the account
 * ({@code sip:username@host}), Contact this node with the account's username as user (so the
 * carrier's calls for the account come here), the Request-URI the carrier's host and port over the
 * gateway's transport. Refreshes of one account reuse its Call-ID with the next CSeq (section
 * 10.2.4). A 401 or 407 is answered once per REGISTER with the gateway's credentials (RFC 7616), the
 * nonce-count going up while the carrier keeps its nonce. Answers come back through the listener,
 * which hands a transaction carrying a {@link Pending} here and not to a call.
 */
final class JainSipRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipRegistrations.class);

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final ScheduledExecutorService timers;
    private final RandomGenerator random;
    /** One registration dialog per account and carrier: its Call-ID, From tag and CSeq across refreshes. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    JainSipRegistrations(JainSipResponder responder, JainSipSelf self, ScheduledExecutorService timers,
            RandomGenerator random) {
        this.responder = responder;
        this.self = self;
        this.timers = timers;
        this.random = random;
    }

    /** What a refresh of the same account keeps (section 10.2.4), and the last nonce it answered. */
    private static final class Session {
        final String callId;
        final String fromTag;
        private long cseq;
        private String nonce = "";
        private int nonceCount;

        Session(String callId, String fromTag) {
            this.callId = callId;
            this.fromTag = fromTag;
        }

        synchronized long nextCSeq() {
            return ++cseq;
        }

        /** How many times this nonce was answered, counting this time (RFC 7616 section 3.4). */
        synchronized int count(String answered) {
            if (!answered.equals(nonce)) {
                nonce = answered;
                nonceCount = 0;
            }
            return ++nonceCount;
        }
    }

    /** A REGISTER on its way: its transactions carry this, so the listener hands their answers here. */
    final class Pending {
        private final Gateway gateway;
        private final int expires;
        private final Session session;
        private final String key;
        private final CompletableFuture<RegisterOutcome> outcome = new CompletableFuture<>();
        private boolean challengeAnswered;

        private Pending(Gateway gateway, int expires, Session session, String key) {
            this.gateway = gateway;
            this.expires = expires;
            this.session = session;
            this.key = key;
        }

        void answered(Response response) {
            int status = response.getStatusCode();
            if (status < 200) {
                return;
            }
            if ((status == 401 || status == 407) && answerChallenge(response, status == 407)) {
                return;
            }
            complete(new RegisterOutcome(status, status < 300 ? granted(response) : 0,
                    status == 423 ? minExpires(response) : 0));
        }

        void silent() {
            complete(RegisterOutcome.silent());
        }

        private void complete(RegisterOutcome result) {
            if (outcome.complete(result) && expires == 0) {
                sessions.remove(key, session); // the binding is gone: a later registration starts anew
            }
        }

        private synchronized boolean answerChallenge(Response challenge, boolean proxy) {
            if (challengeAnswered) {
                return false; // our credentials were refused: that is the answer
            }
            List<String> offered = new ArrayList<>(1);
            ListIterator<?> headers = challenge.getHeaders(proxy ? "Proxy-Authenticate" : "WWW-Authenticate");
            while (headers != null && headers.hasNext()) {
                String line = headers.next().toString();
                offered.add(line.substring(line.indexOf(':') + 1).strip());
            }
            Optional<DigestClient.Challenge> chosen = DigestClient.strongest(offered);
            if (chosen.isEmpty()) {
                LOG.info("gateway {} challenged a REGISTER with nothing this node can answer: {}", gateway.id(),
                        offered);
                return false;
            }
            challengeAnswered = true;
            try {
                Request request = request(gateway, expires, session);
                String credentials = DigestClient.answer(chosen.get(), gateway.username(), gateway.password(),
                        Request.REGISTER, request.getRequestURI().toString(), cnonce(),
                        session.count(chosen.get().nonce()));
                request.setHeader(responder.headers().createHeader(proxy ? "Proxy-Authorization" : "Authorization",
                        credentials));
                send(request, this);
                return true;
            } catch (ParseException | SipException | InvalidArgumentException | RuntimeException unsent) {
                LOG.warn("cannot answer the challenge of gateway {} to a REGISTER: {}", gateway.id(), unsent.toString());
                complete(RegisterOutcome.silent());
                return true;
            }
        }

        /** Our Contact's expires in the 200's list of bindings, else its Expires header (section 10.2.4). */
        private int granted(Response response) {
            ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
            while (contacts != null && contacts.hasNext()) {
                ContactHeader contact = (ContactHeader) contacts.next();
                if (contact.getAddress().getURI() instanceof SipURI uri && self.isOurs(uri)
                        && gateway.username().equals(uri.getUser()) && contact.getExpires() >= 0) {
                    return contact.getExpires();
                }
            }
            ExpiresHeader header = response.getExpires();
            return header == null ? 0 : Math.max(0, header.getExpires());
        }

        private static int minExpires(Response response) {
            MinExpiresHeader header = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
            return header == null ? 0 : header.getExpires();
        }
    }

    /**
     * Sends a REGISTER for the gateway's account asking {@code expires} seconds (0 removes this node's
     * binding); completes with the final answer, 408 when none came within {@code patience}.
     */
    CompletionStage<RegisterOutcome> register(Gateway gateway, int expires, Duration patience) {
        String key = gateway.id() + "|" + gateway.username() + "@" + gateway.host() + ":" + gateway.port() + ";"
                + gateway.transport();
        Session session = sessions.computeIfAbsent(key,
                k -> new Session(responder.provider().getNewCallId().getCallId(), Long.toHexString(random.nextLong())));
        Pending pending = new Pending(gateway, expires, session, key);
        try {
            send(request(gateway, expires, session), pending);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException unsendable) {
            LOG.debug("cannot register at gateway {} ({}): {}", gateway.id(), gateway.host(), unsendable.getMessage());
            pending.complete(new RegisterOutcome(503, 0, 0));
            return pending.outcome;
        }
        timers.schedule(pending::silent, patience.toMillis(), TimeUnit.MILLISECONDS);
        return pending.outcome;
    }

    private Request request(Gateway gateway, int expires, Session session)
            throws ParseException, InvalidArgumentException {
        var addresses = responder.addresses();
        var headers = responder.headers();
        String transport = gateway.transport().name().toLowerCase(Locale.ROOT);
        SipURI registrar = addresses.createSipURI(null, gateway.host());
        registrar.setPort(gateway.port());
        if (gateway.transport() != Gateway.Transport.UDP) {
            registrar.setTransportParam(transport);
        }
        SipURI account = addresses.createSipURI(gateway.username(), gateway.host());
        Request register = responder.messages().createRequest(registrar, Request.REGISTER,
                headers.createCallIdHeader(session.callId),
                headers.createCSeqHeader(session.nextCSeq(), Request.REGISTER),
                headers.createFromHeader(addresses.createAddress(account), session.fromTag),
                headers.createToHeader(addresses.createAddress(account), null),
                List.of(self.via(transport, "register")), headers.createMaxForwardsHeader(70));
        register.addHeader(headers.createContactHeader(addresses.createAddress(self.uri(gateway.username(), transport))));
        register.addHeader(headers.createExpiresHeader(expires));
        return register;
    }

    private void send(Request request, Pending pending) throws SipException {
        ClientTransaction transaction = responder.provider().getNewClientTransaction(request);
        transaction.setApplicationData(pending);
        transaction.sendRequest();
    }

    private String cnonce() {
        return HexFormat.of().toHexDigits(random.nextLong());
    }
}
