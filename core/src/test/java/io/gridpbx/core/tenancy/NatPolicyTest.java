package io.gridpbx.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NatPolicyTest {

    @Test
    void token_isTheLowerCaseHyphenatedName() {
        assertThat(NatPolicy.ALWAYS.token()).isEqualTo("always");
        assertThat(NatPolicy.WHEN_NAT.token()).isEqualTo("when-nat");
        assertThat(NatPolicy.NEVER.token()).isEqualTo("never");
    }

    @Test
    void named_takesTheTokenOrTheEnumName_inAnyCase() {
        for (NatPolicy policy : NatPolicy.values()) {
            assertThat(NatPolicy.named(policy.token())).contains(policy);
            assertThat(NatPolicy.named(policy.name())).contains(policy);
        }
        assertThat(NatPolicy.named(" When-NAT ")).contains(NatPolicy.WHEN_NAT);
    }

    @Test
    void named_isEmptyForBlankOrUnknownNames() {
        assertThat(NatPolicy.named("")).isEmpty();
        assertThat(NatPolicy.named("  ")).isEmpty();
        assertThat(NatPolicy.named("sometimes")).isEmpty();
        assertThat(NatPolicy.named("whennat")).isEmpty();
    }
}
