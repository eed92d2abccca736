package io.gridpbx.core.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The registration drop: the cluster's registered addresses fell by more than {@code percent} % of
 * their highest count within {@code window} (a site lost its link, a node's phones did not come
 * back, a mass de-registration). The alert holds, against that highest count, until the count is
 * back within {@code percent} % of it. Counts under {@code minimum} are too small to judge.
 * Not thread-safe: one evaluator thread feeds it.
 */
public final class RegistrationDropRule {

    /** The subject of the one registration-drop alert. */
    public static final String SUBJECT = "cluster";

    private record Sample(Instant at, long addresses) {
    }

    private final int percent;
    private final Duration window;
    private final long minimum;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long reference = -1;

    /**
     * @param percent drop that raises the alert, 1 to 100
     * @param window  how far back the highest count is taken
     * @param minimum the highest count below which no drop is judged
     */
    public RegistrationDropRule(int percent, Duration window, long minimum) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("the drop percent must be 1 to 100, not " + percent);
        }
        this.percent = percent;
        this.window = window;
        this.minimum = minimum;
    }

    /** Takes the count at this time; the condition when a drop holds. */
    public Optional<Condition> observe(Instant at, long addresses) {
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(at.minus(window))) {
            samples.removeFirst();
        }
        samples.addLast(new Sample(at, addresses));
        if (reference < 0) {
            long peak = samples.stream().mapToLong(Sample::addresses).max().orElse(0);
            if (peak >= minimum && dropped(peak, addresses)) {
                reference = peak;
            }
        } else if (!dropped(reference, addresses)) {
            reference = -1;
        }
        if (reference < 0) {
            return Optional.empty();
        }
        return Optional.of(new Condition(AlertKind.REGISTRATION_DROP, SUBJECT, "registered addresses fell from "
                + reference + " to " + addresses + " (threshold " + percent + " % within " + window.toMinutes()
                + " min)", reference));
    }

    /** Resumes a drop raised by another evaluator, against the count it fell from. */
    public void resume(long fellFrom) {
        reference = fellFrom;
    }

    private boolean dropped(long from, long now) {
        return (from - now) * 100 > percent * from;
    }
}
