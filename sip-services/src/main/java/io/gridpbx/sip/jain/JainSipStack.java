package io.gridpbx.sip.jain;

import gov.nist.javax.sip.SIPConstants;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.ServerResponseInterface;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * The RI's stack with one change on the response path: a response whose RFC 3261 branch matches no
 * client transaction goes straight to the listener as a stray response.
 *
 * <p>The RI looks such a response up by its branch and, when that misses, scans every client
 * transaction for an RFC 2543 style match before giving up. Responses that miss are most common
 * exactly when the node is busiest (2xx retransmissions while ACKs wait in the queue, late answers
 * to branches already cancelled), so the scan made an overloaded node slower with every call in
 * progress: in a profile at 1.5 times the node's capacity it took a third of the CPU. A branch
 * with the magic cookie is unique by construction (section 8.1.1.7), so a miss is final.
 */
final class JainSipStack extends SipStackImpl {

    JainSipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    @Override
    public ServerResponseInterface newSIPServerResponse(SIPResponse response, MessageChannel channel) {
        String key = response.getTransactionId();
        if (key == null || !key.startsWith(SIPConstants.BRANCH_MAGIC_COOKIE_LOWER_CASE)
                || findTransaction(key, false) != null) {
            return super.newSIPServerResponse(response, channel);
        }
        for (SIPMessageValve valve : sipMessageValves) {
            if (!valve.processResponse(response, channel)) {
                return null;
            }
        }
        return sipMessageFactory.newSIPServerResponse(response, channel);
    }
}
