package io.gridpbx.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The composition root's rules: it wires the SIP stack but never touches it; only the grid package queries maps. */
class GridNodeArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridpbx.node");

    @Test
    void theNodeNeverTouchesJainSipDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..").check(classes);
    }

    @Test
    void onlyTheGridPackageUsesMapsAndProcessors() {
        noClasses().that().resideOutsideOfPackage("io.gridpbx.node.grid..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hazelcast.map..", "com.hazelcast.config..")
                .check(classes);
    }

    @Test
    void theGridAdaptersDoNotKnowSpringOrTheWeb() {
        noClasses().that().resideInAPackage("io.gridpbx.node.grid..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.gridpbx.node.web..")
                .check(classes);
    }
}
