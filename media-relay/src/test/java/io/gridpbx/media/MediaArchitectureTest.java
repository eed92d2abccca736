package io.gridpbx.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** This module sits on core only: it never reaches into the SIP stack, another adapter or the node. */
class MediaArchitectureTest {

    private static final JavaClasses MEDIA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridpbx.media");

    @Test
    void dependsOnCoreOnly() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.gridpbx.sip..", "io.gridpbx.node..", "io.gridpbx.persistence..",
                        "javax.sip..", "gov.nist..", "com.hazelcast..", "org.springframework..")
                .check(MEDIA);
    }

    @Test
    void rtpKnowsNothingOfTheRelay() {
        noClasses().that().resideInAPackage("io.gridpbx.media.rtp..")
                .should().dependOnClassesThat().resideInAPackage("io.gridpbx.media.relay..")
                .check(MEDIA);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.gridpbx.media.(*)..").should().beFreeOfCycles().check(MEDIA);
    }
}
