package io.gridpbx.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.ApiTokenStore;
import io.gridpbx.core.access.PasswordResets;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.features.ConfigStore;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.manage.PictureStore;
import io.gridpbx.core.manage.ProfileCatalog;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.trunking.TrunkingStore;
import org.junit.jupiter.api.Test;

/** This module sits on core only, and on core's services only: a view never reads a store itself. */
class AdminArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.gridpbx.admin");

    @Test
    void dependsOnCoreOnly() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.gridpbx.sip..", "io.gridpbx.node..", "io.gridpbx.persistence..",
                        "javax.sip..", "gov.nist..", "com.hazelcast..", "java.sql..", "org.springframework..")
                .check(classes);
    }

    @Test
    void viewsGoThroughTheServices_neverTheStores() {
        noClasses().should().dependOnClassesThat()
                .belongToAnyOf(TenantDirectory.class, BindingStore.class, AccountStore.class, ApiTokenStore.class,
                        PasswordResets.class, TrunkingStore.class, ConfigStore.class, CdrStore.class, DialogRegistry.class,
                        PictureStore.class, ProfileCatalog.class)
                .check(classes);
    }
}
