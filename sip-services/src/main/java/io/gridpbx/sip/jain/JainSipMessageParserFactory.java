package io.gridpbx.sip.jain;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;

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
 * <p>Public with a no-argument constructor because the stack instantiates it by name
 * ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}).
 */
public final class JainSipMessageParserFactory implements MessageParserFactory {

    private final StringMsgParserFactory stackParsers = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = stackParsers.createMessageParser(stack);
        return JainSipSourceFilter.guarding(stack, (bytes, readBody, strict, listener) -> {
            SIPMessage message;
            try {
                message = parser.parseSIPMessage(bytes, readBody, strict, listener);
            } catch (ParseException e) {
                throw new ParseException(oneLine(e.getMessage()), e.getErrorOffset());
            }
            if (message instanceof SIPRequest request && request.getCSeqHeader() == null) {
                throw new ParseException("Missing CSeq", 0);
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
