package io.gridpbx.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedStringsTest {

    @Test
    void keepsOneCopyOfEach_andNoMoreThanItsBound() {
        SharedStrings strings = new SharedStrings(1);
        String kept = strings.of(new String("a.example"));

        assertThat(strings.of(new String("a.example"))).isSameAs(kept);
        String other = new String("b.example");
        assertThat(strings.of(other)).as("full: returned as it is").isSameAs(other);
        assertThat(strings.of(new String("b.example"))).isNotSameAs(other);
    }
}
