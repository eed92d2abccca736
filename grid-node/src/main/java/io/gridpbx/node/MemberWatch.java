package io.gridpbx.node;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * A node without its grid member would still answer SIP, and fail every request: when the member
 * stops on its own (out of memory, forced termination), the node exits so that its supervisor
 * restarts it and phones move to the other nodes. A member stopped by the node's own shutdown is fine.
 */
@Component
class MemberWatch implements ApplicationListener<ContextClosedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MemberWatch.class);
    /** EX_SOFTWARE of sysexits.h: the node stopped because of an internal failure. */
    private static final int EXIT_STATUS = 70;

    private volatile boolean closing;

    MemberWatch(HazelcastInstance grid) {
        grid.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN && !closing) {
                LOG.error("the grid member is stopping on its own; this node exits (status {}) to be restarted",
                        EXIT_STATUS);
                Thread.ofPlatform().name("gridpbx-exit").start(() -> System.exit(EXIT_STATUS));
            }
        });
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }
}
