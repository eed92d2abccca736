package io.gridpbx.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Reads the fixed RTP header (RFC 3550 §5.1) and the first RTCP octets in place, at the buffer's
 * reader index, without copying or moving indexes.
 */
public final class RtpHeader {

    /** The fixed header: V/P/X/CC, M/PT, sequence number, timestamp, SSRC (RFC 3550 §5.1). */
    public static final int FIXED_LENGTH = 12;

    /** An RTCP receiver report without report blocks is the shortest RTCP packet (RFC 3550 §6.4.2). */
    public static final int RTCP_MIN_LENGTH = 8;

    private static final int VERSION = 2;

    private RtpHeader() {
    }

    /**
     * Whether the datagram can be RTP: version 2, and long enough for its fixed header, CSRC list and
     * header extension (the validity checks of RFC 3550 A.1 that need no per-source state).
     */
    public static boolean isRtp(ByteBuf datagram) {
        int length = datagram.readableBytes();
        if (length < FIXED_LENGTH || version(datagram) != VERSION) {
            return false;
        }
        int start = datagram.readerIndex();
        int first = datagram.getUnsignedByte(start);
        int headerLength = FIXED_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            // RFC 3550 §5.3.1: a 4-octet extension header whose length counts 32-bit words after it.
            if (length < headerLength + 4) {
                return false;
            }
            headerLength += 4 + 4 * datagram.getUnsignedShort(start + headerLength + 2);
        }
        if ((first & 0x20) != 0) {
            // RFC 3550 §5.1: the last octet counts the padding, itself included.
            int padding = datagram.getUnsignedByte(start + length - 1);
            return padding > 0 && headerLength + padding <= length;
        }
        return headerLength <= length;
    }

    /**
     * Whether the datagram is RTCP: version 2, at least {@value #RTCP_MIN_LENGTH} octets, and a second
     * octet in 192–223, the range RFC 5761 §4 reserves so that RTCP and RTP can share one port.
     */
    public static boolean isRtcp(ByteBuf datagram) {
        if (datagram.readableBytes() < RTCP_MIN_LENGTH || version(datagram) != VERSION) {
            return false;
        }
        int packetType = datagram.getUnsignedByte(datagram.readerIndex() + 1);
        return packetType >= 192 && packetType <= 223;
    }

    /** The 16-bit sequence number of an RTP packet. */
    public static int sequenceNumber(ByteBuf rtp) {
        return rtp.getUnsignedShort(rtp.readerIndex() + 2);
    }

    /** The 32-bit media timestamp of an RTP packet, unsigned. */
    public static long timestamp(ByteBuf rtp) {
        return rtp.getUnsignedInt(rtp.readerIndex() + 4);
    }

    /** The 32-bit synchronization source of an RTP packet, unsigned. */
    public static long ssrc(ByteBuf rtp) {
        return rtp.getUnsignedInt(rtp.readerIndex() + 8);
    }

    /** The 7-bit payload type of an RTP packet. */
    public static int payloadType(ByteBuf rtp) {
        return rtp.getUnsignedByte(rtp.readerIndex() + 1) & 0x7F;
    }

    private static int version(ByteBuf datagram) {
        return datagram.getUnsignedByte(datagram.readerIndex()) >>> 6;
    }
}
