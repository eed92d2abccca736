package io.gridpbx.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of core: the model imports nothing but the JDK and JSpecify, every package says what it is. */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridpbx.core");

    /** Maven runs the tests in the module's directory. */
    private static final Path SOURCES = Path.of("src/main/java/io/gridpbx/core");

    @Test
    void coreDependsOnlyOnTheJdkAndJspecify() {
        classes().that().resideInAPackage("io.gridpbx.core..")
                .and().resideOutsideOfPackage("io.gridpbx.core.presence.body..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.gridpbx.core..", "java..", "javax.crypto..", "org.jspecify..")
                .check(CORE);
        // The presence documents read untrusted XML with the JDK's own hardened parser, there only.
        classes().that().resideInAPackage("io.gridpbx.core.presence.body..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.gridpbx.core.presence.body..", "java..", "javax.xml..", "org.w3c.dom..",
                        "org.xml.sax..", "org.jspecify..")
                .check(CORE);
    }

    /** The cycle auth<->tenancy is mended: the algorithms both need live in the leaf package digest. */
    @Test
    void tenancyDoesNotDependOnAuth_andDigestIsALeaf() {
        noClasses().that().resideInAPackage("io.gridpbx.core.tenancy..")
                .should().dependOnClassesThat().resideInAPackage("io.gridpbx.core.auth..")
                .check(CORE);
        classes().that().resideInAPackage("io.gridpbx.core.digest..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.gridpbx.core.digest..", "java..",
                        "org.jspecify..")
                .check(CORE);
    }

    /** A call's record knows its charge, not how it is rated: billing reads records, records never read billing. */
    @Test
    void dialogDoesNotDependOnBilling() {
        noClasses().that().resideInAPackage("io.gridpbx.core.dialog..")
                .should().dependOnClassesThat().resideInAPackage("io.gridpbx.core.billing..")
                .check(CORE);
    }

    @Test
    void noClassIsNamedLikeAVagueRole() {
        noClasses().should().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Impl")
                .check(CORE);
    }

    @Test
    void everyPackageHasANullMarkedPackageInfo() throws IOException {
        List<Path> packages;
        try (Stream<Path> tree = Files.walk(SOURCES)) {
            packages = tree.filter(Files::isDirectory).toList();
        }

        assertThat(packages).as("packages under %s", SOURCES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(packages).allSatisfy(dir -> {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as("package-info of %s", dir).isRegularFile();
            assertThat(Files.readString(info)).as("package-info of %s", dir).contains("@NullMarked");
        });
    }
}
