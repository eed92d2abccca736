package io.gridpbx.sip.jain;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import javax.sip.ListeningPoint;

/**
 * The RI's NIO transports, with every TCP and TLS connection read through a
 * {@link FramedPipelineParser}. UDP is the RI's own.
 *
 * <p>Public with a no-argument constructor because the stack instantiates it by name
 * ({@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}).
 */
public final class JainSipMessageProcessorFactory implements MessageProcessorFactory {

    private final NioMessageProcessorFactory stackFactory = new NioMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if (transport.equalsIgnoreCase(ListeningPoint.TCP)) {
            return new FramedTcp(address, stack, port);
        }
        if (transport.equalsIgnoreCase(ListeningPoint.TLS)) {
            return new FramedTls(address, stack, port);
        }
        return stackFactory.createMessageProcessor(stack, address, port, transport);
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
