package com.classentra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering the code relies on, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.classentra");

    @Test
    void platformIsInfrastructureAndImportsNoFeature() {
        noClasses().that().resideInAPackage("com.classentra.platform..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.classentra..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages("com.classentra.platform..", "com.classentra.db..", "com.classentra.plugin.api..")))
                .check(APP);
    }

    @Test
    void viewsGoThroughServicesNeverTheDatabase() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "com.classentra.db..", "java.sql..")
                .check(APP);
    }

    /**
     * Features build on each other in one direction only (grading on classwork, classwork on courses...); the shell
     * gets its navigation from {@code @Menu} and its contributions from interfaces, so it imports no feature.
     */
    @Test
    void featuresAndTheShellAreFreeOfCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("com.classentra.(*)..")
                .should().beFreeOfCycles().check(APP);
    }

    @Test
    void theShellImportsNoFeature() {
        noClasses().that().resideInAPackage("com.classentra.shell..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.classentra..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages("com.classentra.shell..", "com.classentra.platform..")))
                .check(APP);
    }

    @Test
    void theAppNeverLinksAgainstAProviderPlugin() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.classentra.plugins..").check(APP);
    }

    /**
     * Scopes are made and bound in one place: features go through ScopedTransactions, PlatformScope or RoleScopes
     * (and may pass on a signed-in person's own {@code dbScope()}), never build or bind a DbScope themselves.
     */
    @Test
    void onlyThePlatformBuildsOrBindsADatabaseScope() {
        noClasses().that().resideOutsideOfPackage("com.classentra.platform..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("DbScope",
                                        (JavaClass owner) -> owner.getName().equals("com.classentra.platform.db.DbScope")))))
                .check(APP);
    }

    @Test
    void pluginCallsGoThroughTheSlotRegistry() {
        noClasses().that().resideOutsideOfPackage("com.classentra.platform.plugins..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.pf4j.PluginManager")
                .check(APP);
    }
}
