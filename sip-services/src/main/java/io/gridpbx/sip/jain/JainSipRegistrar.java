package io.gridpbx.sip.jain;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.ContactRequest;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.registrar.Registrar;
import io.gridpbx.sip.registrar.RegistrarReply;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * REGISTER on the wire: reads the request into a {@link RegisterRequest}, lets the
 * {@link Registrar} decide, and answers statelessly (a retransmitted REGISTER is answered again
 * from the same state, which the binding rules make idempotent). The answer is sent from the
 * decision's completion: the listener's thread never waits for the grid.
 */
final class JainSipRegistrar {

    private final JainSipResponder responder;
    private final Registrar registrar;
    private final String nodeId;
    private final SipCounters counters;
    private final JainSipFailures failures;

    JainSipRegistrar(JainSipResponder responder, Registrar registrar, String nodeId,
            SipCounters counters, JainSipFailures failures) {
        this.failures = failures;
        this.responder = responder;
        this.registrar = registrar;
        this.nodeId = nodeId;
        this.counters = counters;
    }

    void onRegister(Request request) throws ParseException, SipException, InvalidArgumentException {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        AddressOfRecord aor = JainSipMessages.aorOf(to.getAddress().getURI());
        if (aor == null) {
            responder.reject(request, 400, "To Must Be A SIP URI With A User");
            return;
        }
        RegisterRequest register;
        try {
            register = readRegister(request, aor);
        } catch (IllegalArgumentException bad) {
            responder.reject(request, 400, "Bad Contact: " + bad.getMessage());
            return;
        }
        registrar.register(register, JainSipMessages.digestResponses(request, javax.sip.header.AuthorizationHeader.NAME))
                .whenComplete((reply, failure) -> {
                    try {
                        if (failure != null) {
                            failures.answer(request, failure);
                        } else {
                            answer(request, register.aor().domain(), reply);
                        }
                    } catch (Exception | StackOverflowError e) {
                        failures.answer(request, e);
                    }
                });
    }

    private void answer(Request request, String domain, RegistrarReply reply) throws ParseException, SipException, InvalidArgumentException {
        switch (reply) {
            case RegistrarReply.Challenge challenge -> responder.challenge(request, challenge.challenges(), challenge.failedUser(), false);
            case RegistrarReply.Done(RegisterOutcome.Accepted accepted) -> accept(request, domain, accepted);
            case RegistrarReply.Done(RegisterOutcome.Rejected rejected) when rejected.status() == 423 -> {
                Response response = responder.response(request, 423, rejected.reason());
                response.addHeader(responder.headers().createMinExpiresHeader(rejected.minExpires()));
                responder.send(response);
            }
            case RegistrarReply.Done(RegisterOutcome.Rejected rejected) ->
                    responder.reject(request, rejected.status(), rejected.reason());
        }
    }

    private RegisterRequest readRegister(Request request, AddressOfRecord aor) {
        List<ContactRequest> contacts = new ArrayList<>(1);
        boolean wildcard = false;
        ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (headers != null && headers.hasNext()) {
            ContactHeader contact = (ContactHeader) headers.next();
            Address address = contact.getAddress();
            if (address.isWildcard()) {
                wildcard = true;
                continue;
            }
            int expires = contact.getExpires();
            float q = contact.getQValue();
            contacts.add(new ContactRequest(address.getURI().toString(), expires < 0 ? null : expires,
                    q < 0 ? io.gridpbx.core.location.Binding.DEFAULT_Q : Math.round(q * 1000)));
        }
        ExpiresHeader expires = request.getExpires();
        UserAgentHeader agent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        String userAgent = agent == null ? null : String.join(" ", toStrings(agent.getProduct()));
        return new RegisterRequest(aor, contacts, wildcard, expires == null ? null : expires.getExpires(),
                JainSipMessages.callId(request), ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
                JainSipMessages.source(request), nodeId, userAgent);
    }

    private void accept(Request request, String domain, RegisterOutcome.Accepted accepted)
            throws ParseException, SipException, InvalidArgumentException {
        counters.registration(domain);
        Response response = responder.response(request, 200, "OK");
        for (Binding binding : accepted.live()) {
            ContactHeader contact = responder.headers().createContactHeader(
                    responder.addresses().createAddress(binding.contactUri()));
            contact.setExpires(binding.secondsLeftAt(accepted.nowMillis()));
            response.addHeader(contact);
        }
        responder.send(response);
    }

    private static List<String> toStrings(ListIterator<?> products) {
        List<String> out = new ArrayList<>(2);
        if (products == null) {
            return out; // "User-Agent:" with no product (found by SipFuzzIT)
        }
        while (products.hasNext()) {
            out.add(String.valueOf(products.next()));
        }
        return out;
    }
}
