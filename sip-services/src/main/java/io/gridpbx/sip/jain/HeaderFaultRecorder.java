package io.gridpbx.sip.jain;

import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPDuplicateHeaderException;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * Notes the first header the RI's parser could not read. Left alone, the RI keeps such a header
 * as an unparsed string on UDP and drops it silently on TCP, and the request goes on without it:
 * a Max-Forwards of 300 or a broken Expires would be acted on as if absent. The stack's own
 * listener (the UDP channel) still decides first, and aborts the parse for the headers it cannot
 * answer without (Via, From, To, Call-ID, CSeq, Content-Length), which earns its automatic 400.
 * A broken start line always aborts: a message without one cannot be handled at all.
 */
final class HeaderFaultRecorder implements ParseExceptionListener {

    private final @Nullable ParseExceptionListener stackListener;
    private @Nullable MessageFault first;

    HeaderFaultRecorder(@Nullable ParseExceptionListener stackListener) {
        this.stackListener = stackListener;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void handleException(ParseException ex, SIPMessage message, Class headerClass, String header,
            String whole) throws ParseException {
        if (headerClass == RequestLine.class || headerClass == StatusLine.class) {
            throw ex;
        }
        if (first == null) {
            first = ex instanceof SIPDuplicateHeaderException
                    ? MessageFault.duplicateHeader(nameOf(header)) : MessageFault.badHeader(nameOf(header));
        }
        if (stackListener != null) {
            stackListener.handleException(ex, message, headerClass, header, whole);
        }
    }

    /** Attaches the first fault found, preferring one of the raw text (version, duplicate) that came first. */
    void attachTo(SIPMessage message, @Nullable MessageFault rawFault) {
        MessageFault fault = rawFault != null ? rawFault : first;
        if (fault != null) {
            fault.attachTo(message);
        }
    }

    private static String nameOf(@Nullable String header) {
        if (header == null) {
            return "?";
        }
        int colon = header.indexOf(':');
        String name = colon > 0 ? header.substring(0, colon) : header;
        name = JainSipMessageParserFactory.oneLine(name);
        return name.length() > 40 ? name.substring(0, 40) : name;
    }
}
