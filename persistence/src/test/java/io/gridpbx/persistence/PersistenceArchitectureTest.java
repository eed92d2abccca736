package io.gridpbx.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** This module sits on core only: it never reaches into the SIP stack, another adapter or the node. */
class PersistenceArchitectureTest {

    @Test
    void dependsOnCoreOnly() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.gridpbx.sip..", "io.gridpbx.node..", "javax.sip..", "gov.nist..")
                .allowEmptyShould(true)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.gridpbx.persistence"));
    }
}
