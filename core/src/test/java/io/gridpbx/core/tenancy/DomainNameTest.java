package io.gridpbx.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host-name rules of the realm hierarchy: RFC 1035 labels, compared in lower case. */
class DomainNameTest {

    @Test
    void normalize_lowerCasesAndTrims() {
        assertThat(DomainName.normalize("  Office.Demo.GridPBX.test ")).isEqualTo("office.demo.gridpbx.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gridpbx.test", "a.b", "x-1.demo.gridpbx.test", "192.0.2.1", "localhost"})
    void validHostNames_areAccepted(String domain) {
        assertThat(DomainName.normalize(domain)).isEqualTo(domain);
    }

    @Test
    void labelOf63Characters_isAccepted() {
        String label = "a".repeat(63);

        assertThat(DomainName.normalize(label + ".test")).isEqualTo(label + ".test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "demo..gridpbx.test", ".gridpbx.test", "gridpbx.test.", "-demo.gridpbx.test",
            "demo-.gridpbx.test", "de_mo.gridpbx.test", "demo gridpbx.test", "dèmo.gridpbx.test", "demo.gridpbx.test:5060"})
    void invalidLabels_areRefused(String domain) {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainName.normalize(domain));
    }

    @Test
    void labelOf64Characters_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainName.normalize("a".repeat(64) + ".test"));
    }

    @Test
    void nameLongerThan253Characters_isRefused() {
        String name = ("a".repeat(62) + ".").repeat(4) + "test"; // 256 characters

        assertThatIllegalArgumentException().isThrownBy(() -> DomainName.normalize(name));
    }

    @Test
    void isDirectChild_acceptsExactlyOneLabelBelow() {
        assertThat(DomainName.isDirectChild("office.demo.gridpbx.test", "demo.gridpbx.test")).isTrue();
        assertThat(DomainName.isDirectChild("demo.gridpbx.test", "gridpbx.test")).isTrue();
    }

    @Test
    void isDirectChild_refusesTheParentItselfDeeperNamesAndLookalikes() {
        assertThat(DomainName.isDirectChild("demo.gridpbx.test", "demo.gridpbx.test")).isFalse();
        assertThat(DomainName.isDirectChild("a.office.demo.gridpbx.test", "demo.gridpbx.test")).isFalse();
        assertThat(DomainName.isDirectChild("office.xdemo.gridpbx.test", "demo.gridpbx.test")).isFalse();
        assertThat(DomainName.isDirectChild("officedemo.gridpbx.test", "demo.gridpbx.test")).isFalse();
        assertThat(DomainName.isDirectChild("gridpbx.test", "demo.gridpbx.test")).isFalse();
    }
}
