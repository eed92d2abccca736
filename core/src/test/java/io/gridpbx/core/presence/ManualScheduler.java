package io.gridpbx.core.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A scheduler that runs nothing until the test says so: what is due runs on the test's thread, in order. */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final List<Task<?>> queue = new ArrayList<>();
    private final List<Long> delaysMillis = new ArrayList<>();

    /** The tasks waiting to run. */
    int pending() {
        return queue.size();
    }

    /** The delays the waiting tasks were scheduled with. */
    List<Long> delaysMillis() {
        return List.copyOf(delaysMillis);
    }

    /** Runs what is waiting, including what those tasks schedule; returns how many ran. */
    int runAll() {
        int ran = 0;
        while (!queue.isEmpty()) {
            Task<?> task = queue.removeFirst();
            delaysMillis.removeFirst();
            task.run();
            ran++;
            if (ran > 10_000) {
                throw new IllegalStateException("tasks keep scheduling tasks");
            }
        }
        return ran;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(new Task<>(command, null, unit.toMillis(delay)));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, unit.toMillis(delay)));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the code under test");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the code under test");
    }

    @Override
    public void execute(Runnable command) {
        enqueue(new Task<>(command, null, 0));
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

    private <V> Task<V> enqueue(Task<V> task) {
        queue.add(task);
        delaysMillis.add(task.delayMillis);
        return task;
    }

    private static final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {

        private final long delayMillis;

        Task(Callable<V> callable, long delayMillis) {
            super(callable);
            this.delayMillis = delayMillis;
        }

        Task(Runnable runnable, V result, long delayMillis) {
            super(runnable, result);
            this.delayMillis = delayMillis;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delayMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }
    }
}
