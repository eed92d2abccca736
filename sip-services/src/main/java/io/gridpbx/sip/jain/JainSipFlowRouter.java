package io.gridpbx.sip.jain;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * The RI's router, except for a request the proxy aims at a phone's own connection: a request with
 * no Route that carries a {@link JainSipFlows.Flow} goes to that connection's far end over its
 * transport, where the RI finds the open connection by its address and reuses it (RFC 5626 section
 * 5.3, RFC 3261 section 18.2.2 for the connection a phone keeps open).
 *
 * <p>Public with the (stack, outbound proxy) constructor because the stack instantiates it by name
 * ({@code javax.sip.ROUTER_PATH}).
 */
public final class JainSipFlowRouter implements Router {

    private final DefaultRouter stackRouter;

    public JainSipFlowRouter(SipStack stack, String outboundProxy) {
        this.stackRouter = new DefaultRouter(stack, outboundProxy);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (request instanceof SIPRequest sip && sip.getApplicationData() instanceof JainSipFlows.Flow flow
                && request.getHeader(RouteHeader.NAME) == null) {
            return flow.hop();
        }
        return stackRouter.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return stackRouter.getOutboundProxy();
    }

    @Override
    @Deprecated
    public ListIterator<?> getNextHops(Request request) {
        return stackRouter.getNextHops(request);
    }
}
