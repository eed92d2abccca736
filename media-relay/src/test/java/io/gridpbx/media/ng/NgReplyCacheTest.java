package io.gridpbx.media.ng;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NgReplyCacheTest {

    private final MutableClock clock = new MutableClock();

    private static CompletableFuture<byte[]> reply(String text) {
        return CompletableFuture.completedFuture(text.getBytes());
    }

    @Test
    void replyIsKeptForItsAge_thenForgotten() {
        NgReplyCache cache = new NgReplyCache(clock, Duration.ofSeconds(30), 10);
        CompletableFuture<byte[]> first = reply("1");
        cache.put("c1", first);

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("c1")).isSameAs(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("c1")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void beyondItsSize_theOldestGoesFirst() {
        NgReplyCache cache = new NgReplyCache(clock, Duration.ofSeconds(30), 2);
        cache.put("a", reply("a"));
        cache.put("b", reply("b"));
        cache.put("c", reply("c"));

        assertThat(cache.get("a")).isNull();
        assertThat(cache.get("b")).isNotNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.size()).isEqualTo(2);
    }
}
