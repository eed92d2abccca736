package io.gridpbx.sip;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of sip-services: JAIN-SIP stays behind one adapter package. */
class SipServicesArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridpbx.sip");

    @Test
    void onlyTheJainPackageTouchesTheSipStack() {
        noClasses().that().resideOutsideOfPackage("io.gridpbx.sip.jain..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
                .check(classes);
    }

    @Test
    void decisionsDoNotDependOnTheAdapter() {
        noClasses().that().resideInAnyPackage("io.gridpbx.sip.registrar..", "io.gridpbx.sip.proxy..")
                .should().dependOnClassesThat().resideInAPackage("io.gridpbx.sip.jain..")
                .check(classes);
    }

    @Test
    void nothingReachesIntoTheNodeOrTheFrameworks() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.gridpbx.node..", "com.hazelcast..", "org.springframework..")
                .check(classes);
    }
}
