package io.gridpbx.node.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridpbx.core.dialog.CallHangup;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Hang-ups from the management plane: every member is asked to end the call, and the one that routed
 * it (which alone knows what a BYE to each party takes) does. When none does (the member in its path
 * died) while its dialog is still in the grid, the dialog is ended here so that its record closes and
 * its slots come back.
 */
public final class ClusterCallHangup implements CallHangup {

    /** The key under which a member's {@link HazelcastInstance#getUserContext user context} holds its SIP side's hang-up. */
    public static final String CONTEXT_KEY = "gridpbx.endCall";

    private final IExecutorService members;
    private final DialogRegistry dialogs;

    public ClusterCallHangup(HazelcastInstance grid, DialogRegistry dialogs) {
        this.members = grid.getExecutorService("calls.hangups");
        this.dialogs = dialogs;
    }

    /**
     * What a member's user context must hold under {@link #CONTEXT_KEY}: its SIP server's
     * {@code endCall(callId, disposition)}.
     */
    public static void offer(HazelcastInstance grid, BiPredicate<String, String> endCall) {
        grid.getUserContext().put(CONTEXT_KEY, endCall);
    }

    @Override
    public CompletionStage<Boolean> hangUp(Dialog dialog) {
        Map<Member, Future<Boolean>> asked = members.submitToAllMembers(new EndCall(dialog.id().callId()));
        List<CompletableFuture<Boolean>> answers = new ArrayList<>(asked.size());
        for (Future<Boolean> answer : asked.values()) {
            answers.add(((CompletionStage<Boolean>) answer).toCompletableFuture().exceptionally(failure -> false));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenCompose(all -> {
            if (answers.stream().anyMatch(CompletableFuture::join)) {
                return CompletableFuture.completedFuture(true);
            }
            return dialogs.find(dialog.id()).thenApply(up -> {
                up.ifPresent(found -> dialogs.ended(found.id(), DISPOSITION));
                return up.isPresent();
            });
        });
    }

    /** Run on each member: its SIP side ends the call if it carries it. */
    static final class EndCall implements Callable<Boolean>, HazelcastInstanceAware, IdentifiedDataSerializable {
        private String callId = "";
        private transient @Nullable HazelcastInstance member;

        /** For deserialization only. */
        public EndCall() {
        }

        EndCall(String callId) {
            this.callId = callId;
        }

        @Override
        public void setHazelcastInstance(HazelcastInstance instance) {
            this.member = instance;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Boolean call() {
            Object endCall = member == null ? null : member.getUserContext().get(CONTEXT_KEY);
            return endCall instanceof BiPredicate<?, ?> predicate
                    && ((BiPredicate<String, String>) predicate).test(callId, DISPOSITION);
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeString(callId);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            callId = in.readString();
        }

        @Override
        public int getFactoryId() {
            return GridDataSerializers.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return GridDataSerializers.END_CALL;
        }
    }
}
