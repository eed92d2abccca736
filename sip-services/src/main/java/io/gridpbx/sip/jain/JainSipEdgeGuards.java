package io.gridpbx.sip.jain;

import gov.nist.javax.sip.SipStackImpl;
import io.gridpbx.core.security.EdgeGuard;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The edge guard of each running stack, by stack name. JAIN-SIP instantiates the message parser
 * factory and the message valve by class name, with no arguments; this is how they find the guard
 * of the stack they serve (several stacks may run in one JVM, in tests).
 */
final class JainSipEdgeGuards {

    private static final ConcurrentHashMap<String, EdgeGuard> BY_STACK = new ConcurrentHashMap<>();

    private JainSipEdgeGuards() {
    }

    static void register(String stackName, EdgeGuard guard) {
        BY_STACK.put(stackName, guard);
    }

    static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    static @Nullable EdgeGuard of(Object stack) {
        return stack instanceof SipStackImpl impl ? BY_STACK.get(impl.getStackName()) : null;
    }
}
