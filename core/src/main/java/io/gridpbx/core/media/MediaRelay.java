package io.gridpbx.core.media;

import java.util.concurrent.CompletionStage;

/**
 * The media relay of this node, as the SIP layer uses it: one relayed stream per {@code m=} line of a
 * call, each with a port pair facing the caller and one facing the callee. Opening binds sockets, so
 * it completes later; nothing here blocks the caller's thread.
 */
public interface MediaRelay {

    /**
     * The relayed stream of the call's {@code m=} line {@code index}, opened on first use.
     *
     * @return a stage that fails with {@link RelayUnavailableException} when no port is left
     */
    CompletionStage<RelayStream> stream(String callKey, int index);

    /** Closes every stream of the call and returns its ports; closing an unknown call does nothing. */
    void close(String callKey);

    /** One relayed stream: where the relay listens for each party, and where each party said it listens. */
    interface RelayStream {

        /** The relay's address and ports facing a party, multiplexing RTCP on the RTP port when asked. */
        RelayEndpoint facing(CallSide side, boolean rtcpMux);

        /**
         * Where a party announced its media in its last description; learning its real source (RFC 4961
         * latching) starts again, as after a re-INVITE.
         */
        void expect(CallSide side, AnnouncedMedia media);
    }
}
