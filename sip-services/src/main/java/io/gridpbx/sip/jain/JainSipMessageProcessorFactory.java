package io.gridpbx.sip.jain;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.overload.AdmissionThrottle;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import javax.sip.ListeningPoint;

/**
 * The RI's NIO transports, with UDP fed through {@link JainSipReceiveQueue} so that the listener
 * knows how long each request waited and an overloaded node sheds new requests at the socket
 * ({@link JainSipDoor}), and every TCP and TLS connection read through a
 * {@link FramedPipelineParser}. Set on the stack as an instance
 * ({@code SipStackImpl.setMessageProcessorFactory}), since it carries this node's delay gauge.
 */
final class JainSipMessageProcessorFactory extends NioMessageProcessorFactory {

    private final JainSipQueueDelay delay;
    private final SipCounters counters;
    private final AdmissionThrottle throttle;
    private final long retryAfterSeconds;
    private final int listenerThreads;
    private final int socketNice;

    JainSipMessageProcessorFactory(JainSipQueueDelay delay, SipCounters counters, AdmissionThrottle throttle,
            long retryAfterSeconds, int listenerThreads, int socketNice) {
        this.delay = delay;
        this.counters = counters;
        this.throttle = throttle;
        this.retryAfterSeconds = retryAfterSeconds;
        this.listenerThreads = listenerThreads;
        this.socketNice = socketNice;
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if (ListeningPoint.UDP.equalsIgnoreCase(transport)) {
            MessageProcessor udp = new JainSipUdpProcessor(address, stack, port, new JainSipReceiveQueue(delay, counters),
                    sender -> new JainSipDoor(throttle, JainSipEdgeGuards.of(stack), counters, retryAfterSeconds, sender),
                    listenerThreads, socketNice);
            sendFromListeningSocket(stack);
            return udp;
        }
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new FramedTcp(address, stack, port);
        }
        if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new FramedTls(address, stack, port);
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }

    /**
     * What the RI's factory does for UDP besides creating the processor: its package-private
     * {@code udpFlag} makes responses leave from the listening socket (the port phones and NATs
     * expect, RFC 3261 section 18.2.2) instead of a fresh ephemeral socket per message.
     */
    private static void sendFromListeningSocket(SIPTransactionStack stack) throws IOException {
        try {
            java.lang.reflect.Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("this JAIN-SIP RI has no udpFlag to set: " + e, e);
        }
    }

    /** TCP, each connection framed, whether the phone opened it or the node did. */
    static final class FramedTcp extends NioTcpMessageProcessor implements JainSipFlows.Connections {

        FramedTcp(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return framed(super.createMessageChannel(processor, client));
        }

        @Override
        public MessageChannel createMessageChannel(HostPort target) throws IOException {
            return framed(super.createMessageChannel(target));
        }

        @Override
        public MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
            return framed(super.createMessageChannel(host, port));
        }

        private <C extends MessageChannel> C framed(C channel) {
            FramedPipelineParser.installOn(channel, sipStack);
            return channel;
        }

        @Override
        public boolean hasConnectionTo(InetAddress peer, int port) {
            return messageChannels.containsKey(MessageChannel.getKey(peer, port, transport));
        }
    }

    /** TLS, framed after decryption like TCP. */
    static final class FramedTls extends NioTlsMessageProcessor implements JainSipFlows.Connections {

        FramedTls(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return framed(super.createMessageChannel(processor, client));
        }

        @Override
        public MessageChannel createMessageChannel(HostPort target) throws IOException {
            return framed(super.createMessageChannel(target));
        }

        @Override
        public MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
            return framed(super.createMessageChannel(host, port));
        }

        private <C extends MessageChannel> C framed(C channel) {
            FramedPipelineParser.installOn(channel, sipStack);
            return channel;
        }

        @Override
        public boolean hasConnectionTo(InetAddress peer, int port) {
            return messageChannels.containsKey(MessageChannel.getKey(peer, port, transport));
        }
    }
}
