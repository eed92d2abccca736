package io.gridpbx.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhoneSecretsTest {

    @Test
    void aSecretMatchesItsHashOnly() {
        PhoneSecrets secrets = new PhoneSecrets(new SplittableRandom(7));
        String secret = secrets.newSecret();
        String hash = PhoneSecrets.hash(secret);

        assertThat(secret).hasSize(32);
        assertThat(hash).doesNotContain(secret).hasSize(64);
        assertThat(PhoneSecrets.matches(secret, hash)).isTrue();
        assertThat(PhoneSecrets.matches(secret + "x", hash)).isFalse();
        assertThat(PhoneSecrets.matches(secret, "not-hex")).isFalse();
        assertThat(secrets.newSecret()).isNotEqualTo(secret);
    }
}
