package io.gridpbx.core.media.sdp;

import java.util.Map;

/**
 * Session descriptions as real phones send them (from captures of these models and versions, with
 * documentation addresses where the capture had public ones), CRLF-terminated as on the wire.
 */
public final class PhoneSdps {

    private PhoneSdps() {
    }

    /** Yealink T46S (firmware 66.86), an INVITE's offer: "s=SDP data", o= sess-id equal to the version. */
    public static final String YEALINK_T46_OFFER = crlf("""
            v=0
            o=- 20010 20010 IN IP4 192.168.1.105
            s=SDP data
            c=IN IP4 192.168.1.105
            t=0 0
            m=audio 11780 RTP/AVP 0 8 9 18 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:9 G722/8000
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=ptime:20
            a=sendrecv
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            """);

    /** The same Yealink refreshing the session (RFC 4028) with a re-INVITE that changes nothing, version bumped. */
    public static final String YEALINK_T46_REFRESH = YEALINK_T46_OFFER.replace("20010 20010", "20010 20011");

    /** The same Yealink pressing Hold: RFC 3264 section 8.4, sendonly, its own address kept. */
    public static final String YEALINK_T46_HOLD = YEALINK_T46_OFFER.replace("20010 20010", "20010 20012")
            .replace("a=sendrecv", "a=sendonly");

    /** And resuming: sendrecv again. */
    public static final String YEALINK_T46_UNHOLD = YEALINK_T46_OFFER.replace("20010 20010", "20010 20013");

    /** Polycom VVX 450 (UCS 6.4), an offer: the direction is session-level, wideband codecs first. */
    public static final String POLYCOM_VVX_OFFER = crlf("""
            v=0
            o=- 1683039511 1683039511 IN IP4 10.20.0.51
            s=Polycom IP Phone
            c=IN IP4 10.20.0.51
            t=0 0
            a=sendrecv
            m=audio 2226 RTP/AVP 9 102 0 8 18 127
            a=rtpmap:9 G722/8000
            a=rtpmap:102 G7221/16000
            a=fmtp:102 bitrate=32000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=rtpmap:127 telephone-event/8000
            """);

    /** Polycom VVX 450 answering an audio+video offer: it has no camera, so video is refused with port 0. */
    public static final String POLYCOM_VVX_ANSWER = crlf("""
            v=0
            o=- 1683039600 1683039600 IN IP4 10.20.0.51
            s=Polycom IP Phone
            c=IN IP4 10.20.0.51
            t=0 0
            a=sendrecv
            m=audio 2228 RTP/AVP 0 127
            a=rtpmap:0 PCMU/8000
            a=rtpmap:127 telephone-event/8000
            m=video 0 RTP/AVP 96
            """);

    /** Linphone 5.2 desktop with ICE: session-level credentials, a=rtcp, host and srflx candidates, audio and video. */
    public static final String LINPHONE_ICE_OFFER = crlf("""
            v=0
            o=alice 1966 1423 IN IP4 192.168.1.20
            s=Talk
            c=IN IP4 192.168.1.20
            t=0 0
            a=ice-pwd:31ec21eb38b2ec6d36e8dc7b
            a=ice-ufrag:0a4a6ea2
            a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
            a=record:off
            m=audio 7078 RTP/AVP 96 97 0 8 101 99 100
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 useinbandfec=1
            a=rtpmap:97 speex/16000
            a=fmtp:97 vbr=on
            a=rtpmap:101 telephone-event/48000
            a=rtpmap:99 telephone-event/16000
            a=rtpmap:100 telephone-event/8000
            a=rtcp:7079
            a=candidate:1 1 UDP 2130706303 192.168.1.20 7078 typ host
            a=candidate:1 2 UDP 2130706302 192.168.1.20 7079 typ host
            a=candidate:2 1 UDP 1694498687 203.0.113.7 7078 typ srflx raddr 192.168.1.20 rport 7078
            a=candidate:2 2 UDP 1694498686 203.0.113.7 7079 typ srflx raddr 192.168.1.20 rport 7079
            a=rtcp-fb:* trr-int 1000
            a=rtcp-fb:* ccm tmmbr
            m=video 9078 RTP/AVP 96 97
            a=rtpmap:96 VP8/90000
            a=rtpmap:97 H264/90000
            a=fmtp:97 profile-level-id=42801F
            a=rtcp:9079
            a=candidate:1 1 UDP 2130706303 192.168.1.20 9078 typ host
            a=candidate:1 2 UDP 2130706302 192.168.1.20 9079 typ host
            a=rtcp-fb:* trr-int 1000
            a=rtcp-fb:* ccm tmmbr
            a=rtcp-fb:96 nack pli
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:97 nack pli
            a=rtcp-fb:97 ccm fir
            """);

    /**
     * baresip 1.0.0 (Debian 12) with its stock config: random 32-bit sess-id and version, "s=-",
     * a=tool naming itself, no a=rtcp-mux (rtcp_mux is off by default).
     */
    public static final String BARESIP_OFFER = crlf("""
            v=0
            o=- 1985095744 2396135236 IN IP4 192.168.1.33
            s=-
            c=IN IP4 192.168.1.33
            t=0 0
            a=tool:baresip 1.0.0
            m=audio 10014 RTP/AVP 0 8 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            a=sendrecv
            """);

    /**
     * Chrome behind JsSIP, after gathering: BUNDLE of audio and video on one port, ICE with trickle,
     * DTLS fingerprint, rtcp-mux, and Chrome's placeholder {@code a=rtcp:9 IN IP4 0.0.0.0}.
     */
    public static final String WEBRTC_OFFER = crlf("""
            v=0
            o=- 4611731400430051336 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1
            a=extmap-allow-mixed
            a=msid-semantic: WMS 5qB6a2D1Ykq2P0b8lHCSnJjW1OtaKq0t9ZcA
            m=audio 54321 UDP/TLS/RTP/SAVPF 111 63 9 0 8 110 126
            c=IN IP4 198.51.100.23
            a=rtcp:9 IN IP4 0.0.0.0
            a=candidate:2113937151 1 udp 2113937151 192.168.1.40 54321 typ host generation 0 network-cost 999
            a=candidate:1845501695 1 udp 1677729535 198.51.100.23 54321 typ srflx raddr 192.168.1.40 rport 54321 generation 0 network-cost 999
            a=ice-ufrag:Xq9V
            a=ice-pwd:Sd2bF1cWq2OepmJfTp0xIU0A
            a=ice-options:trickle
            a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08
            a=setup:actpass
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=sendrecv
            a=msid:5qB6a2D1Ykq2P0b8lHCSnJjW1OtaKq0t9ZcA 7c3e5ab5-8f8e-4c4d-9a8f-25b0b1c7a1d2
            a=rtcp-mux
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=ssrc:3510681183 cname:3Hv0Dc1wCq9Yb+TN
            a=ssrc:3510681183 msid:5qB6a2D1Ykq2P0b8lHCSnJjW1OtaKq0t9ZcA 7c3e5ab5-8f8e-4c4d-9a8f-25b0b1c7a1d2
            m=video 54321 UDP/TLS/RTP/SAVPF 96 97
            c=IN IP4 198.51.100.23
            a=rtcp:9 IN IP4 0.0.0.0
            a=candidate:2113937151 1 udp 2113937151 192.168.1.40 54321 typ host generation 0 network-cost 999
            a=candidate:1845501695 1 udp 1677729535 198.51.100.23 54321 typ srflx raddr 192.168.1.40 rport 54321 generation 0 network-cost 999
            a=ice-ufrag:Xq9V
            a=ice-pwd:Sd2bF1cWq2OepmJfTp0xIU0A
            a=ice-options:trickle
            a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08
            a=setup:actpass
            a=mid:1
            a=sendrecv
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=ssrc-group:FID 2240238212 1529125389
            a=ssrc:2240238212 cname:3Hv0Dc1wCq9Yb+TN
            a=ssrc:1529125389 cname:3Hv0Dc1wCq9Yb+TN
            """);

    /** A trickling WebRTC offer before any candidate: port 9 and 0.0.0.0 mean "not yet", not hold (RFC 8840 section 4.1.1). */
    public static final String WEBRTC_TRICKLE_OFFER = crlf("""
            v=0
            o=- 8326581295046813419 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0
            m=audio 9 UDP/TLS/RTP/SAVPF 111 0
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:k3Pd
            a=ice-pwd:hDBz8u3ivVY6kfPDxUMkXxsK
            a=ice-options:trickle
            a=fingerprint:sha-256 2A:6E:36:3D:FB:04:4D:F8:8C:0E:99:6B:AC:17:DB:3F:8B:2E:C9:40:63:86:66:90:5E:AC:37:1A:86:24:D4:01
            a=setup:actpass
            a=mid:0
            a=sendrecv
            a=rtcp-mux
            a=rtpmap:111 opus/48000/2
            a=rtpmap:0 PCMU/8000
            """);

    /** Cisco SPA504G, before hold: no direction attribute at all (sendrecv by default). */
    public static final String CISCO_SPA_OFFER = crlf("""
            v=0
            o=- 31207 31207 IN IP4 192.168.10.7
            s=-
            c=IN IP4 192.168.10.7
            t=0 0
            m=audio 16434 RTP/AVP 0 18 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:18 G729a/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            """);

    /** The SPA504G with "RFC 2543 Call Hold: yes": hold is c=0.0.0.0 (RFC 3264 section 8.4), nothing else. */
    public static final String CISCO_SPA_OLD_HOLD = CISCO_SPA_OFFER.replace("31207 31207", "31207 31208")
            .replace("c=IN IP4 192.168.10.7", "c=IN IP4 0.0.0.0");

    /** All of them, by name, for the tests that hold for every phone. */
    public static final Map<String, String> ALL = Map.ofEntries(Map.entry("yealink offer", YEALINK_T46_OFFER),
            Map.entry("yealink hold", YEALINK_T46_HOLD), Map.entry("polycom offer", POLYCOM_VVX_OFFER),
            Map.entry("polycom answer", POLYCOM_VVX_ANSWER), Map.entry("linphone ice", LINPHONE_ICE_OFFER),
            Map.entry("baresip", BARESIP_OFFER), Map.entry("webrtc", WEBRTC_OFFER),
            Map.entry("webrtc trickle", WEBRTC_TRICKLE_OFFER), Map.entry("cisco spa", CISCO_SPA_OFFER),
            Map.entry("cisco spa old hold", CISCO_SPA_OLD_HOLD));

    public static SessionDescription parsed(String sdp) {
        try {
            return SessionDescription.parse(sdp);
        } catch (SdpParseException e) {
            throw new AssertionError("fixture does not parse: " + e.reason(), e);
        }
    }

    private static String crlf(String textBlock) {
        return textBlock.replace("\n", "\r\n");
    }
}
