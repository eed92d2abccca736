package io.gridpbx.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The algorithms as an admin names them and as a challenge lists them. */
class DigestAlgorithmTest {

    @Test
    void severalAlgorithms_areListedStrongestFirst_onceEach() {
        assertThat(DigestAlgorithm.strongestFirst(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256,
                DigestAlgorithm.MD5))).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.strongestFirst(List.of())).isEmpty();
    }

    @Test
    void aNamedAlgorithm_isParsedWithoutRegardToCase_andABlankNameIsNone() {
        assertThat(DigestAlgorithm.named(" sha-256 ")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.named("md5")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.named("")).isEmpty();
        assertThat(DigestAlgorithm.named("SHA-512-256")).isEmpty();
    }

    @Test
    void tokens_areCommaSeparated_andReadBackSkippingWhatThisVersionDoesNotKnow() {
        assertThat(DigestAlgorithm.tokens(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5))).isEqualTo("SHA-256,MD5");
        assertThat(DigestAlgorithm.fromTokens("SHA-256,MD5")).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromTokens("SHA-512-256,MD5")).containsExactly(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromTokens("")).isEmpty();
    }
}
