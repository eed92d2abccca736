package io.gridpbx.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Crafted RTP and RTCP datagrams for tests. */
final class RtpPackets {

    private RtpPackets() {
    }

    /** A version 2 RTP packet, payload type 0 (PCMU), with a 160-octet payload. */
    static byte[] rtp(int sequence, long timestamp, long ssrc) {
        byte[] bytes = new byte[12 + 160];
        bytes[0] = (byte) 0x80;
        bytes[2] = (byte) (sequence >>> 8);
        bytes[3] = (byte) sequence;
        putInt(bytes, 4, timestamp);
        putInt(bytes, 8, ssrc);
        return bytes;
    }

    /** An RTCP receiver report without report blocks (RFC 3550 §6.4.2). */
    static byte[] rtcp(long ssrc) {
        byte[] bytes = new byte[8];
        bytes[0] = (byte) 0x80;
        bytes[1] = (byte) 201;
        bytes[3] = 1;
        putInt(bytes, 4, ssrc);
        return bytes;
    }

    static ByteBuf rtpBuf(int sequence) {
        return Unpooled.wrappedBuffer(rtp(sequence, 160L * sequence, 0xABCDL));
    }

    static ByteBuf rtcpBuf() {
        return Unpooled.wrappedBuffer(rtcp(0xABCDL));
    }

    static int sequenceOf(byte[] rtp) {
        return ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    }

    private static void putInt(byte[] bytes, int at, long value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
