package io.gridpbx.core.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DialogIdTest {

    /** Regression: the callee's BYE names the tags the other way round and missed the dialog. */
    @Test
    void keyIsTheSameFromEitherEnd() {
        assertThat(new DialogId("c1@h", "caller-tag", "callee-tag").key())
                .isEqualTo(new DialogId("c1@h", "callee-tag", "caller-tag").key());
    }

    @Test
    void keyDiffersBetweenCalls() {
        assertThat(new DialogId("c1@h", "a", "b").key()).isNotEqualTo(new DialogId("c2@h", "a", "b").key());
    }
}
