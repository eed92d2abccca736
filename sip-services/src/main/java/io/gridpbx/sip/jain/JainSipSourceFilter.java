package io.gridpbx.sip.jain;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import io.gridpbx.core.security.EdgeGuard;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * The first thing every UDP datagram meets, before a byte of it is parsed: a datagram from a banned
 * source is dropped without an answer, even a malformed one (JAIN-SIP would answer that with its own
 * 400), and every other one counts towards its source's request rate (the flood rule). The RI's UDP
 * channel hands itself to the parser as the listener, and it knows the datagram's source; a parser
 * that returns null makes it drop the datagram silently (it would answer with a CRLF keep-alive only
 * if {@code MIN_KEEPALIVE_TIME_INTERVAL} were set, which this node does not set). Over TCP the parser
 * gets no listener: {@link JainSipEdgeValve} guards those requests.
 */
final class JainSipSourceFilter implements MessageParser {

    private final EdgeGuard guard;
    private final MessageParser parser;

    private JainSipSourceFilter(EdgeGuard guard, MessageParser parser) {
        this.guard = guard;
        this.parser = parser;
    }

    /** The parser, behind the guard of its stack when the stack has one. */
    static MessageParser guarding(SIPTransactionStack stack, MessageParser parser) {
        EdgeGuard guard = JainSipEdgeGuards.of(stack);
        return guard == null ? parser : new JainSipSourceFilter(guard, parser);
    }

    @Override
    public @Nullable SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict,
            ParseExceptionListener listener) throws ParseException {
        if (listener instanceof MessageChannel channel) {
            String source = channel.getPeerAddress();
            if (source != null && !guard.admitsPacket(source)) {
                return null;
            }
        }
        return parser.parseSIPMessage(bytes, readBody, strict, listener);
    }
}
