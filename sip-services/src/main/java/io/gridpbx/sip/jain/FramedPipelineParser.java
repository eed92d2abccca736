package io.gridpbx.sip.jain;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.NioPipelineParser;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.reflect.Field;
import javax.sip.message.Request;

/**
 * The RI's stream parser behind a {@link SipStreamFramer}: it only ever sees whole messages within
 * the stack's size limit. A message over the limit gets 513 from its headers (RFC 3261 section
 * 21.4.11), since on a stream it can be recognised whole without being held whole.
 */
final class FramedPipelineParser extends NioPipelineParser {

    private static final Field PARSER_FIELD = parserField();

    private final SipStreamFramer framer;
    private final MessageChannel channel;
    private final SIPTransactionStack stack;

    private FramedPipelineParser(SIPTransactionStack stack, NioTcpMessageChannel channel) {
        super(stack, channel, stack.getMaxMessageSize());
        this.channel = channel;
        this.stack = stack;
        this.framer = new SipStreamFramer(stack.getMaxMessageSize() > 0 ? stack.getMaxMessageSize() : 65536);
    }

    /**
     * Puts a framed parser in the channel in place of the RI's own (the channel creates its parser
     * in its constructor and keeps it in a package-private field: no subclass can reach it).
     */
    static void installOn(MessageChannel channel, SIPTransactionStack stack) {
        if (!(channel instanceof NioTcpMessageChannel tcp)) {
            return;
        }
        try {
            if (!(PARSER_FIELD.get(tcp) instanceof FramedPipelineParser)) {
                PARSER_FIELD.set(tcp, new FramedPipelineParser(stack, tcp));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot frame the TCP parser of JAIN-SIP", e);
        }
    }

    @Override
    public synchronized void addBytes(byte[] bytes) throws Exception {
        framer.feed(bytes, new SipStreamFramer.Sink() {
            @Override
            public void message(byte[] message) throws Exception {
                if (!RawMessageCheck.hasStartLine(message)) {
                    countMalformed(); // the RI would throw on it and log the whole message at ERROR
                } else {
                    FramedPipelineParser.super.addBytes(message);
                }
            }

            @Override
            public void tooLarge(byte[] headers) throws Exception {
                answer(headers, 513, "Message Too Large");
            }

            @Override
            public void between(byte[] crlf) throws Exception {
                FramedPipelineParser.super.addBytes(crlf);
            }
        });
    }

    /** Answers a request from its text alone; a response, an ACK or a request without the headers a response needs is dropped. */
    private void answer(byte[] text, int status, String reason) throws Exception {
        SIPRequest request;
        try {
            if (!(new StringMsgParser().parseSIPMessage(text, false, false, null) instanceof SIPRequest parsed)
                    || parsed.getTopmostVia() == null || parsed.getCSeq() == null || parsed.getCallId() == null
                    || parsed.getFrom() == null || parsed.getTo() == null || Request.ACK.equals(parsed.getMethod())) {
                countMalformed();
                return;
            }
            request = parsed;
        } catch (java.text.ParseException unreadable) {
            countMalformed();
            return;
        }
        SIPResponse response = request.createResponse(status, reason);
        channel.sendMessage(response);
    }

    private void countMalformed() {
        if (stack.getMessageParserFactory() instanceof JainSipMessageParserFactory parsers) {
            parsers.countMalformed();
        }
    }

    private static Field parserField() {
        try {
            Field field = NioTcpMessageChannel.class.getDeclaredField("nioParser");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
