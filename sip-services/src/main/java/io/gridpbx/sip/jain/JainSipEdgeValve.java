package io.gridpbx.sip.jain;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import io.gridpbx.core.security.EdgeGuard;
import javax.sip.SipStack;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * Sees every parsed request before the stack gives it a transaction
 * ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}); returning false drops it without an answer. It drops
 * requests of scanning tools (their source is banned), requests that authenticate as a user their
 * source is locked out for, and, over TCP (where {@link JainSipSourceFilter} cannot see the source),
 * requests of banned sources, counting the rest towards the flood rule.
 *
 * <p>Public with a no-argument constructor because the stack instantiates it by name.
 */
public final class JainSipEdgeValve implements SIPMessageValve {

    private @Nullable EdgeGuard guard;

    @Override
    public void init(SipStack stack) {
        this.guard = JainSipEdgeGuards.of(stack);
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        EdgeGuard edge = guard;
        String source = channel.getPeerAddress();
        if (edge == null || source == null) {
            return true;
        }
        if (channel.isReliable() && !edge.admitsPacket(source)) {
            return false;
        }
        SIPHeader agent = (SIPHeader) request.getHeader(UserAgentHeader.NAME);
        if (agent != null && !edge.admitsUserAgent(source, agent.getHeaderValue())) {
            return false;
        }
        return admitsCredentials(edge, source, (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME))
                && admitsCredentials(edge, source,
                        (AuthorizationHeader) request.getHeader(ProxyAuthorizationHeader.NAME));
    }

    private static boolean admitsCredentials(EdgeGuard edge, String source, @Nullable AuthorizationHeader credentials) {
        if (credentials == null || credentials.getUsername() == null || credentials.getRealm() == null) {
            return true;
        }
        return edge.admitsCredentials(source,
                credentials.getUsername() + "@" + credentials.getRealm().toLowerCase(java.util.Locale.ROOT));
    }

    /** A response from a banned source is dropped too (a banned callee's, over TCP or UDP). */
    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        EdgeGuard edge = guard;
        String source = channel.getPeerAddress();
        return edge == null || source == null || !channel.isReliable() || edge.admitsPacket(source);
    }

    @Override
    public void destroy() {
        guard = null;
    }
}
