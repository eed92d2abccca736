package io.gridpbx.sip.jain;

import gov.nist.javax.sip.message.SIPMessage;
import org.jspecify.annotations.Nullable;

/**
 * What was wrong with a message that the RI's parser let through, kept on the parsed message so
 * that a request is refused with the status RFC 3261 names for its fault instead of being acted
 * on, and a response is dropped.
 *
 * @param status the response status: 400, or 505 for a SIP version other than 2.0
 * @param reason the reason phrase, one line, naming the header at fault
 */
record MessageFault(int status, String reason) {

    /** RFC 3261 section 21.4.1: a header that does not parse. */
    static MessageFault badHeader(String header) {
        return new MessageFault(400, "Bad Header: " + header);
    }

    /** RFC 4475 section 3.1.2.18: a second value of a header that takes one. */
    static MessageFault duplicateHeader(String header) {
        return new MessageFault(400, "Duplicate Header: " + header);
    }

    /** RFC 3261 section 8.1.1.5: the CSeq names another method than the request line. */
    static MessageFault cseqMethodMismatch() {
        return new MessageFault(400, "CSeq Method Does Not Match Request Method");
    }

    /**
     * RFC 3261 section 21.5.7. The RI's parser reads any version as SIP/2.0 (it creates its "Expecting
     * SIP/2.0" error but never throws it), so the version is read from the start line itself.
     */
    static MessageFault unsupportedVersion() {
        return new MessageFault(505, "Version Not Supported");
    }

    void attachTo(SIPMessage message) {
        message.setApplicationData(this);
    }

    static @Nullable MessageFault of(Object message) {
        return message instanceof SIPMessage sip && sip.getApplicationData() instanceof MessageFault fault ? fault : null;
    }
}
