package io.gridpbx.sip.jain;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import io.gridpbx.sip.SipCounters;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * The stack's own message parser with two repairs of JAIN-SIP RI's handling of broken requests.
 * The RI answers a request it cannot parse with an automatic 400 whose reason phrase is the parse
 * error, which often quotes the broken header with its line end: the status line was split and the
 * 400 itself became unparsable (RFC 3261 section 25.1: a Reason-Phrase holds no CR or LF), so the
 * error is kept on one line. And the RI compares the CSeq method with the request method before it
 * checks that a CSeq is present: a request without one (a truncated datagram) threw a
 * NullPointerException, logged at ERROR with the whole packet, once per datagram of a flood. Such a
 * request is now a parse error, which the RI drops quietly (RFC 3261 section 8.1.1: the header is
 * mandatory, and without it there is nothing to answer with).
 *
 * <p>Strict parsing (RFC 4475): a header the RI cannot read is noted on the message
 * ({@link HeaderFaultRecorder}) so that the listener refuses the request with a 400 naming it. A
 * datagram that fills the whole receive buffer (the stack's 8 KiB {@code MAX_MESSAGE_SIZE}) may have
 * been cut by the kernel: it cannot be read whole, so it is dropped and counted rather than parsed
 * (RFC 3261 section 18.3 would answer 513 only to a message read whole).
 *
 * <p>Public with a no-argument constructor because the stack instantiates it by name
 * ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}).
 */
public final class JainSipMessageParserFactory implements MessageParserFactory {

    private final StringMsgParserFactory stackParsers = new StringMsgParserFactory();
    private volatile @Nullable SipCounters counters;

    /** Where dropped datagrams are counted; the stack creates this factory by name, the server then hands it its counters. */
    void countInto(SipCounters nodeCounters) {
        this.counters = nodeCounters;
    }

    /** Counts a message dropped for its form (streams are checked in {@link FramedPipelineParser}). */
    void countMalformed() {
        SipCounters c = counters;
        if (c != null) {
            c.malformed();
        }
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = stackParsers.createMessageParser(stack);
        int datagramBuffer = stack.getMaxMessageSize();
        return JainSipSourceFilter.guarding(stack, (bytes, readBody, strict, listener) -> {
            boolean datagram = listener instanceof UDPMessageChannel;
            if (datagram && (datagramBuffer > 0 && bytes.length >= datagramBuffer || !RawMessageCheck.hasStartLine(bytes))) {
                countMalformed();
                return null; // the RI drops a datagram that parses to nothing, without an answer
            }
            HeaderFaultRecorder faults = new HeaderFaultRecorder(listener);
            SIPMessage message;
            try {
                message = parser.parseSIPMessage(bytes, readBody, strict, faults);
            } catch (ParseException e) {
                if (datagram && RawMessageCheck.startsWithCopiedHeader(bytes)) {
                    countMalformed(); // the RI's automatic 400 would throw copying it (found by SipFuzzIT)
                    return null;
                }
                throw new ParseException(oneLine(e.getMessage()), e.getErrorOffset());
            }
            if (message instanceof SIPRequest request && request.getCSeqHeader() == null) {
                throw new ParseException("Missing CSeq", 0);
            }
            if (message instanceof SIPRequest request && (request.getTopmostVia() == null || request.getFrom() == null
                    || request.getTo() == null || request.getCallId() == null)) {
                // RFC 3261 section 8.1.1: without these there is no one to answer; the RI checked the CSeq
                // method first and threw building that 400 without a Via (found by SipFuzzIT)
                countMalformed();
                return null;
            }
            if (message != null) {
                faults.attachTo(message, RawMessageCheck.check(bytes));
            }
            if (!datagram && message instanceof SIPRequest request
                    && !request.getMethod().equalsIgnoreCase(request.getCSeq().getMethod())) {
                // Over a stream the RI answers this 400 itself, then logs the whole message at ERROR, once
                // per message: a log flood anyone can send (found by SipFuzzIT). The fault is kept for the
                // listener's 400 and the CSeq made to agree, so that the RI passes the request on and the
                // answer matches the sender's transaction (RFC 3261 section 17.1.3).
                request.getCSeq().setMethod(request.getMethod());
                MessageFault.cseqMethodMismatch().attachTo(request);
            }
            return message;
        });
    }

    static String oneLine(String message) {
        if (message == null) {
            return "Unparsable Message";
        }
        return message.replaceAll("[\\x00-\\x1f\\x7f]+", " ").strip();
    }
}
