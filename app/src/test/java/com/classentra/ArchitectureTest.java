package com.classentra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.classentra.plugin.api.ProviderFactory;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layering the code relies on, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.classentra");

    /** What lets code run a plugin outside the slot registry's isolation: a provider factory (of any slot), a PF4J object or a class loader. */
    private static final DescribedPredicate<JavaClass> PLUGIN_CODE = JavaClass.Predicates.assignableTo(ProviderFactory.class)
            .or(JavaClass.Predicates.resideInAPackage("org.pf4j.."))
            .or(JavaClass.Predicates.assignableTo(ClassLoader.class));

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

    /**
     * Views see providers as descriptors and settings only. A view could reach plugin code through one of our own types
     * as well (a record carrying the factory, a service returning such records), so those count too.
     */
    @Test
    void viewsNeverGetHoldOfPluginCode() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "a provider factory, a PF4J object or a class loader, or one of our classes handing one out",
                        (JavaClass type) -> isOrHandsOutPluginCode(type, new HashSet<>())))
                .check(APP);
    }

    /** Whether the class is plugin code or returns it from a public method, directly or inside what it returns. */
    private static boolean isOrHandsOutPluginCode(JavaClass type, Set<JavaClass> seen) {
        if (PLUGIN_CODE.test(type)) {
            return true;
        }
        // The plugin API is the vocabulary views are meant to use (Slot names its factory interface, not an instance).
        if (!type.getPackageName().startsWith("com.classentra.") || type.getPackageName().startsWith("com.classentra.plugin.api")
                || !seen.add(type)) {
            return false;
        }
        return type.getMethods().stream().filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC))
                .flatMap(method -> method.getReturnType().getAllInvolvedRawTypes().stream())
                .anyMatch(returned -> isOrHandsOutPluginCode(returned, seen));
    }
}
