package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.presence.body.DialogState.Direction;
import io.gridpbx.core.presence.body.DialogState.State;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class UserCallsTest {

    private static final String ME = "sip:200@office.demo.gridpbx.test";
    private static final long T0 = 1_800_000_000_000L;

    @Test
    void aNewCall_isShown() {
        UserCalls calls = UserCalls.NONE.with(call("c1", State.EARLY, T0), T0);

        assertThat(calls.shownAt(T0)).extracting(CallState::callId).containsExactly("c1");
        assertThat(calls.isEmpty(T0)).isFalse();
        assertThat(UserCalls.NONE.isEmpty(T0)).isTrue();
    }

    @Test
    void update_replacesTheSameCallKeepingWhatItLacks() {
        CallState ringing = new CallState("c1", "l1", "r1", Direction.RECIPIENT, State.EARLY, ME,
                "sip:201@office.demo.gridpbx.test", "sip:201@192.0.2.21", T0);
        // a BYE seen on another node: it knows neither tag nor target, and guesses the side
        CallState ended = new CallState("c1", null, null, Direction.INITIATOR, State.TERMINATED, ME, null, null, T0 + 5000);

        UserCalls calls = UserCalls.NONE.with(ringing, T0).with(ended, T0 + 5000);

        assertThat(calls.calls()).containsExactly(new CallState("c1", "l1", "r1", Direction.RECIPIENT, State.TERMINATED,
                ME, "sip:201@office.demo.gridpbx.test", "sip:201@192.0.2.21", T0 + 5000));
    }

    @Test
    void update_takesTheTagsItKnows() {
        CallState early = new CallState("c1", "l1", null, Direction.INITIATOR, State.EARLY, ME, null, null, T0);
        CallState answered = new CallState("c1", "l1", "r2", Direction.INITIATOR, State.CONFIRMED, ME,
                "sip:300@x", "sip:300@192.0.2.30", T0 + 1000);

        UserCalls calls = UserCalls.NONE.with(early, T0).with(answered, T0 + 1000);

        assertThat(calls.calls()).containsExactly(answered);
    }

    @Test
    void otherCalls_areKept() {
        UserCalls calls = UserCalls.NONE.with(call("c1", State.CONFIRMED, T0), T0)
                .with(call("c2", State.EARLY, T0 + 1), T0 + 1)
                .with(call("c1", State.TERMINATED, T0 + 2), T0 + 2);

        assertThat(calls.shownAt(T0 + 2)).extracting(CallState::callId, CallState::state)
                .containsExactlyInAnyOrder(Tuple.tuple("c1", State.TERMINATED),
                        Tuple.tuple("c2", State.EARLY));
    }

    @Test
    void terminatedCall_isShownForTenSecondsThenGone() {
        UserCalls calls = UserCalls.NONE.with(call("c1", State.CONFIRMED, T0), T0)
                .with(call("c1", State.TERMINATED, T0 + 60_000), T0 + 60_000);

        assertThat(calls.shownAt(T0 + 60_000 + 9_999)).extracting(CallState::state).containsExactly(State.TERMINATED);
        assertThat(calls.shownAt(T0 + 60_000 + 10_000)).isEmpty();
        assertThat(calls.isEmpty(T0 + 60_000 + 10_000)).isTrue();
    }

    @Test
    void goneCalls_areDroppedByTheNextUpdate() {
        UserCalls calls = UserCalls.NONE.with(call("c1", State.TERMINATED, T0), T0)
                .with(call("c2", State.EARLY, T0 + 10_000), T0 + 10_000);

        assertThat(calls.calls()).extracting(CallState::callId).containsExactly("c2");
    }

    @Test
    void callOlderThanSixHours_isNotShownWhateverItSays() {
        UserCalls calls = UserCalls.NONE.with(call("c1", State.CONFIRMED, T0), T0);
        long sixHours = 6 * 3600_000L;

        assertThat(calls.onThePhone(T0 + sixHours - 1)).isTrue();
        assertThat(calls.shownAt(T0 + sixHours)).isEmpty();
        assertThat(calls.onThePhone(T0 + sixHours)).isFalse();
    }

    @Test
    void onThePhone_onlyWithAConfirmedCall() {
        assertThat(UserCalls.NONE.onThePhone(T0)).isFalse();
        assertThat(UserCalls.NONE.with(call("c1", State.EARLY, T0), T0).onThePhone(T0)).isFalse();
        assertThat(UserCalls.NONE.with(call("c1", State.TERMINATED, T0), T0).onThePhone(T0)).isFalse();
        assertThat(UserCalls.NONE.with(call("c1", State.CONFIRMED, T0), T0).onThePhone(T0)).isTrue();
        assertThat(UserCalls.NONE.with(call("c1", State.CONFIRMED, T0), T0)
                .with(call("c1", State.TERMINATED, T0 + 1), T0 + 1).onThePhone(T0 + 1)).isFalse();
    }

    @Test
    void atMostThirtyTwoCalls_theOldestMakeWay() {
        UserCalls calls = UserCalls.NONE;
        for (int i = 1; i <= 40; i++) {
            calls = calls.with(call("c" + i, State.EARLY, T0 + i), T0 + i);
        }

        assertThat(calls.calls()).hasSize(32);
        assertThat(calls.calls()).extracting(CallState::callId).startsWith("c9").endsWith("c40").doesNotContain("c8");
    }

    private static CallState call(String callId, State state, long since) {
        return new CallState(callId, "l-" + callId, "r-" + callId, Direction.RECIPIENT, state, ME,
                "sip:" + callId + "@office.demo.gridpbx.test", null, since);
    }
}
