package io.gridpbx.node.drain;

import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.SipServer;
import java.util.concurrent.atomic.AtomicInteger;

/** A SIP side that counts the drains asked of it and reports the calls setting up it is told. */
public final class CountingSipServer implements SipServer {

    private final AtomicInteger drains = new AtomicInteger();
    private volatile int settingUp;

    public int drains() {
        return drains.get();
    }

    public void settingUp(int calls) {
        settingUp = calls;
    }

    @Override
    public SipCounters counters() {
        return new SipCounters();
    }

    @Override
    public EdgeGuard guard() {
        throw new UnsupportedOperationException("no edge in a drain test");
    }

    @Override
    public void drain() {
        drains.incrementAndGet();
    }

    @Override
    public boolean draining() {
        return drains.get() > 0;
    }

    @Override
    public boolean endRelayedCall(String callId, String disposition) {
        return false;
    }

    @Override
    public boolean endCall(String callId, String disposition) {
        return false;
    }

    @Override
    public java.util.concurrent.CompletionStage<Integer> probe(io.gridpbx.core.trunking.Gateway gateway,
            java.time.Duration patience) {
        return java.util.concurrent.CompletableFuture.completedFuture(408); // no carrier in a drain test
    }

    @Override
    public java.util.concurrent.CompletionStage<io.gridpbx.core.trunking.RegisterOutcome> register(
            io.gridpbx.core.trunking.Gateway gateway, int expires, java.time.Duration patience) {
        return java.util.concurrent.CompletableFuture.completedFuture(io.gridpbx.core.trunking.RegisterOutcome.silent());
    }

    @Override
    public io.gridpbx.core.presence.NotifySender notifier() {
        return (subscription, state, body) -> java.util.concurrent.CompletableFuture.completedFuture(
                io.gridpbx.core.presence.NotifySender.Result.FAILED);
    }

    @Override
    public void servePresence(io.gridpbx.core.presence.PresenceServer presence) {
        // a drain test serves no presence
    }

    @Override
    public int callsSettingUp() {
        return settingUp;
    }

    @Override
    public void close() {
    }
}
