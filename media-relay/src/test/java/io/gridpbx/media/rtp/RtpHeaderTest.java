package io.gridpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpHeaderTest {

    private ByteBuf buf = Unpooled.EMPTY_BUFFER;

    @AfterEach
    void release() {
        buf.release();
    }

    private static byte[] rtp(int first, int second, int payload) {
        byte[] bytes = new byte[12 + payload];
        bytes[0] = (byte) first;
        bytes[1] = (byte) second;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xFE; // sequence 65534
        bytes[4] = (byte) 0xFF;
        bytes[7] = 0x01;        // timestamp 0xFF000001
        bytes[8] = (byte) 0xCA;
        bytes[11] = (byte) 0xFE; // SSRC 0xCA0000FE
        return bytes;
    }

    @Test
    void plainRtp_isRtp_andItsFieldsReadUnsigned() {
        buf = Unpooled.wrappedBuffer(rtp(0x80, 0x00, 160));
        assertThat(RtpHeader.isRtp(buf)).isTrue();
        assertThat(RtpHeader.isRtcp(buf)).isFalse();
        assertThat(RtpHeader.sequenceNumber(buf)).isEqualTo(65534);
        assertThat(RtpHeader.timestamp(buf)).isEqualTo(0xFF000001L);
        assertThat(RtpHeader.ssrc(buf)).isEqualTo(0xCA0000FEL);
        assertThat(RtpHeader.payloadType(buf)).isZero();
        assertThat(buf.readerIndex()).isZero();
    }

    @Test
    void versionOtherThanTwo_isNotRtp() {
        buf = Unpooled.wrappedBuffer(rtp(0x40, 0x00, 160));
        assertThat(RtpHeader.isRtp(buf)).isFalse();
    }

    @Test
    void shorterThanTheFixedHeader_isNotRtp() {
        buf = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0});
        assertThat(RtpHeader.isRtp(buf)).isFalse();
    }

    @Test
    void csrcListLongerThanThePacket_isNotRtp() {
        buf = Unpooled.wrappedBuffer(rtp(0x8F, 0x00, 8)); // 15 CSRCs announced, 2 present
        assertThat(RtpHeader.isRtp(buf)).isFalse();
    }

    @Test
    void extensionLongerThanThePacket_isNotRtp() {
        byte[] bytes = rtp(0x90, 0x00, 8);
        bytes[14] = 0;
        bytes[15] = 5; // 5 words of extension, 4 octets present
        buf = Unpooled.wrappedBuffer(bytes);
        assertThat(RtpHeader.isRtp(buf)).isFalse();
    }

    @Test
    void extensionThatFits_isRtp() {
        byte[] bytes = rtp(0x90, 0x00, 8);
        bytes[15] = 1;
        buf = Unpooled.wrappedBuffer(bytes);
        assertThat(RtpHeader.isRtp(buf)).isTrue();
    }

    @Test
    void paddingLongerThanThePayload_isNotRtp() {
        byte[] bytes = rtp(0xA0, 0x00, 4);
        bytes[bytes.length - 1] = 9;
        buf = Unpooled.wrappedBuffer(bytes);
        assertThat(RtpHeader.isRtp(buf)).isFalse();
    }

    @Test
    void senderReport_isRtcp_andNotTakenForRtpWhenMuxed() {
        byte[] sr = new byte[28];
        sr[0] = (byte) 0x80;
        sr[1] = (byte) 200;
        sr[3] = 6;
        buf = Unpooled.wrappedBuffer(sr);
        assertThat(RtpHeader.isRtcp(buf)).isTrue();
    }

    @Test
    void rtpWithMarkerAndDynamicPayloadType_isNotRtcp() {
        buf = Unpooled.wrappedBuffer(rtp(0x80, 0x80 | 101, 4)); // second octet 229: outside 192-223
        assertThat(RtpHeader.isRtcp(buf)).isFalse();
        assertThat(RtpHeader.isRtp(buf)).isTrue();
    }

    @Test
    void rtcpShorterThanAnEmptyReceiverReport_isNotRtcp() {
        buf = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 201, 0, 1});
        assertThat(RtpHeader.isRtcp(buf)).isFalse();
    }

    @Test
    void readsFromTheReaderIndex() {
        byte[] shifted = new byte[3 + 12];
        System.arraycopy(rtp(0x80, 8, 0), 0, shifted, 3, 12);
        buf = Unpooled.wrappedBuffer(shifted);
        buf.skipBytes(3);
        assertThat(RtpHeader.isRtp(buf)).isTrue();
        assertThat(RtpHeader.payloadType(buf)).isEqualTo(8);
        assertThat(RtpHeader.sequenceNumber(buf)).isEqualTo(65534);
    }
}
