package com.classentra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

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

    /** Which feature owns each table: it alone reads and writes it; the others go through its service. */
    private static final java.util.Map<String, java.util.Set<String>> TABLES_OF = java.util.Map.ofEntries(
            java.util.Map.entry("accounts", java.util.Set.of("APP_USER", "ACCOUNT_TOKEN", "SURVEY_RESPONSE", "TENANT", "TENANT_MEMBER")),
            java.util.Map.entry("legal", java.util.Set.of("POLICY_DOCUMENT", "POLICY_ACCEPTANCE", "SUBPROCESSOR_CHANGE", "SUBPROCESSOR_NOTICE",
                    "SUBPROCESSOR_OBJECTION", "SUBPROCESSOR_LIST_VERSION")),
            java.util.Map.entry("courses", java.util.Set.of("COURSE", "ENROLMENT", "COURSE_INVITATION")),
            java.util.Map.entry("messaging", java.util.Set.of("CHANNEL", "CHANNEL_MEMBER", "CHANNEL_MUTE", "MESSAGE", "MESSAGE_REACTION", "MESSAGE_REPORT")),
            java.util.Map.entry("classwork", java.util.Set.of("COURSE_ITEM", "SUBMISSION", "SUBMISSION_VERSION")),
            java.util.Map.entry("files", java.util.Set.of("STORED_FILE", "FILE_PURGE")),
            java.util.Map.entry("grading", java.util.Set.of("GRADE", "GRADE_HISTORY")),
            java.util.Map.entry("attendance", java.util.Set.of("ATTENDANCE")),
            java.util.Map.entry("calendar", java.util.Set.of("CALENDAR_EVENT", "CALENDAR_FEED")),
            java.util.Map.entry("notifications", java.util.Set.of("NOTIFICATION", "NOTIFICATION_PREFERENCE", "NOTIFICATION_DIGEST")),
            java.util.Map.entry("privacy", java.util.Set.of("DATA_EXPORT", "ACCOUNT_DELETION", "ACCOUNT_DELETION_STEP", "POLICY_ACCEPTANCE_KEPT")),
            java.util.Map.entry("dashboard", java.util.Set.of()));

    /**
     * Reads of another feature's table that predate the rule, kept for the joins they make in one statement (names on
     * rosters, course titles on cards, dashboards as one read per card). Each is debt: move it behind the owner's
     * service (as the "active enrolment" rule moved into courses.ActiveEnrolments), then delete its line. Nothing may
     * be added here without saying why in the same change.
     */
    private static final java.util.Map<String, java.util.Set<String>> KNOWN_CROSS_READS = java.util.Map.of(
            "attendance", java.util.Set.of("APP_USER", "COURSE_ITEM"),
            "calendar", java.util.Set.of("COURSE", "COURSE_ITEM"),
            "classwork", java.util.Set.of("COURSE"),
            "dashboard", java.util.Set.of("APP_USER", "COURSE", "COURSE_ITEM", "GRADE", "SUBMISSION"),
            "grading", java.util.Set.of("APP_USER", "COURSE_ITEM", "SUBMISSION"),
            // Notifications sits below courses (joining a course notifies through it), so it cannot use courses.ActiveEnrolments.
            "notifications", java.util.Set.of("APP_USER", "COURSE", "ENROLMENT"));

    @Test
    void aFeatureTouchesOnlyItsOwnTables() {
        java.util.Set<String> owned = TABLES_OF.values().stream().flatMap(java.util.Set::stream).collect(java.util.stream.Collectors.toSet());
        for (String feature : TABLES_OF.keySet()) {
            for (String table : owned) {
                if (TABLES_OF.get(feature).contains(table) || KNOWN_CROSS_READS.getOrDefault(feature, java.util.Set.of()).contains(table)) {
                    continue;
                }
                noClasses().that().resideInAPackage("com.classentra." + feature + "..")
                        .should().accessField(com.classentra.db.jooq.Tables.class, table)
                        .because(table + " belongs to another feature: read it through that feature's service")
                        .check(APP);
            }
        }
    }

    /**
     * A column that holds an enum is read and written through its typed declaration in the owner's {@code *Columns}
     * class, never as text: no class but that declaration touches the generated text field or the record's accessors.
     * Notifications is the one exception, for the reasons in KNOWN_CROSS_READS: it sits below courses and accounts, so
     * it keeps its own "active enrolment" and "active account" conditions, on text. The personal-data registry names
     * columns to export them as stored and to check them against the schema, never to read a value as its enum.
     */
    @Test
    void enumColumnsAreUsedOnlyThroughTheirTypedDeclaration() {
        var typed = com.classentra.testsupport.TypedColumns.declaredIn(APP);
        assertThat(typed).as("typed column declarations found").hasSizeGreaterThan(10);
        java.util.Map<String, String> knownTextReads = java.util.Map.of(
                "enrolment.status", "com.classentra.notifications.NotificationRepository",
                "app_user.status", "com.classentra.notifications.NotificationRepository");
        for (var column : typed) {
            String exempt = knownTextReads.getOrDefault(column.key(), column.declaredIn());
            noClasses().that().doNotHaveFullyQualifiedName(column.declaredIn()).and().doNotHaveFullyQualifiedName(exempt)
                    .and().resideOutsideOfPackages("com.classentra.db..", "com.classentra.platform.privacy..")
                    .should().accessField(column.tableClass(), column.fieldName())
                    .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            DescribedPredicate.describe(column.recordClass() + " text accessors of " + column.column(),
                                    target -> target.getOwner().getName().equals(column.recordClass())
                                            && column.accessors().contains(target.getName()))))
                    .because(column.key() + " holds " + column.type().getSimpleName() + ": use " + column.declaredIn())
                    .check(APP);
        }
    }

    /**
     * One date and time format per person: pages format through shell.ClientTime, in the person's locale and zone.
     * The calendar's grid labels ("December 2026", "Wed 2") and the operator's UTC times are formats of their own.
     */
    @Test
    void datesAndTimesAreFormattedInOnePlace() {
        noClasses().that().doNotHaveFullyQualifiedName("com.classentra.shell.ClientTime")
                .and().doNotHaveFullyQualifiedName("com.classentra.calendar.ui.CalendarView")
                .and().doNotHaveFullyQualifiedName("com.classentra.admin.ui.StorageMigrationPanel")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        DescribedPredicate.describe("a DateTimeFormatter factory", target -> target.getOwner().isEquivalentTo(java.time.format.DateTimeFormatter.class)
                                && (target.getName().startsWith("ofLocalized") || target.getName().equals("ofPattern")))))
                .orShould().callMethod(java.time.ZoneId.class, "systemDefault")
                .because("a person reads dates in one format, in their own time zone: use shell.ClientTime")
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
