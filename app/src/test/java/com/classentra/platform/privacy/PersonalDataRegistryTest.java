package com.classentra.platform.privacy;

import static com.classentra.db.jooq.Tables.GRADE;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.privacy.PersonalDataRule.DeletionAction;
import com.classentra.platform.privacy.PersonalDataRule.Subject;
import com.classentra.platform.privacy.PersonalDataRule.SubjectKind;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PersonalDataTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 12 item 1: every table that holds personal data is registered, with rules that name real columns. */
@ClassentraTest
class PersonalDataRegistryTest {

    @Autowired
    PersonalDataRegistry registry;
    @Autowired
    DSLContext db;
    @Autowired
    RetentionJobs jobs;

    @Test
    void everyTableHoldingAPersonAWorkspaceOrAnEmailIsRegistered() {
        List<String> registered = registry.rules().stream().map(rule -> rule.table().getName()).toList();
        assertThat(PersonalDataTables.in(db)).as("tables with a person, workspace or email column")
                .isNotEmpty().allSatisfy(table -> assertThat(registered).as("registered tables").contains(table));
        assertThat(registered).as("each table once").doesNotHaveDuplicates();
    }

    @Test
    void everyRuleNamesColumnsThatExistWithTheRightShape() {
        assertThat(problems(registry.rules())).isEmpty();
    }

    @Test
    void aRuleNamingAColumnThatDoesNotExistIsCaught() {
        PersonalDataRule wrong = PersonalDataRule.of(GRADE, PolicyClause.ACCOUNT_DATA)
                .subject(DSL.field(DSL.name("grade", "pupil_id"), java.util.UUID.class))
                .mentions(GRADE.STUDENT_ID)
                .export("grades", "Grades", GRADE.POINTS, DSL.field(DSL.name("grade", "mark")))
                .deletion(PersonalDataRule.Deletion.delete())
                .build();
        assertThat(problems(List.of(wrong))).containsExactlyInAnyOrder(
                "grade.pupil_id (subject) does not exist",
                "grade.mark (export) does not exist",
                "grade.student_id (mention) cannot be cleared: it is NOT NULL");
    }

    /** What is wrong with the rules against the live schema; empty when nothing is. */
    private List<String> problems(List<PersonalDataRule> rules) {
        Map<String, Record> columns = new HashMap<>();
        for (Record column : db.fetch("""
                select table_name, column_name, data_type, is_nullable from information_schema.columns
                where table_schema = 'public'""")) {
            columns.put(column.get("table_name", String.class) + "." + column.get("column_name", String.class), column);
        }
        List<String> problems = new ArrayList<>();
        for (PersonalDataRule rule : rules) {
            String table = rule.table().getName();
            for (Subject subject : rule.subjects()) {
                Record column = check(columns, table, subject.column(), "subject", problems);
                String expected = subject.kind() == SubjectKind.ADDRESS ? "text" : "uuid";
                if (column != null && !expected.equals(column.get("data_type", String.class))) {
                    problems.add(table + "." + subject.column().getName() + " (subject) holds " + column.get("data_type") + ", not " + expected);
                }
            }
            for (Field<?> mention : rule.mentions()) {
                Record column = check(columns, table, mention, "mention", problems);
                if (column != null && "NO".equals(column.get("is_nullable", String.class))) {
                    problems.add(table + "." + mention.getName() + " (mention) cannot be cleared: it is NOT NULL");
                }
            }
            rule.export().columns().forEach(field -> check(columns, table, field, "export", problems));
            if (rule.export().content() != null) {
                check(columns, table, rule.export().content().storageKey(), "file content", problems);
                check(columns, table, rule.export().content().filename(), "file name", problems);
                check(columns, table, DSL.field(DSL.name(table, "id")), "file id", problems);
            }
            if (rule.export().exported() && (rule.export().description() == null || rule.export().description().isBlank())) {
                problems.add(table + ": the export's README needs a description of " + rule.export().recordKind());
            }
            if (rule.export().exported() == (rule.export().notExportedBecause() != null)) {
                problems.add(table + ": exported under a kind, or not exported with a reason, never both or neither");
            }
            boolean bySubject = rule.deletion().action() != DeletionAction.RETENTION_ONLY;
            if (bySubject && rule.subjects().isEmpty()) {
                problems.add(table + ": deleted per person but has no subject column");
            }
            if (!bySubject && rule.retention().isEmpty() && rule.mentions().isEmpty()) {
                problems.add(table + ": deleted by retention only but has no retention rule");
            }
        }
        return problems;
    }

    private static Record check(Map<String, Record> columns, String table, Field<?> field, String role, List<String> problems) {
        Record column = columns.get(table + "." + field.getName());
        if (column == null) {
            problems.add(table + "." + field.getName() + " (" + role + ") does not exist");
        }
        return column;
    }

    @Test
    void theRetentionRulesHaveUniqueNamesAndAJobEach() {
        List<String> names = registry.retentionRules().stream().map(RetentionRule::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(jobs.recurringTasks()).extracting(task -> task.getName())
                .containsExactlyInAnyOrderElementsOf(names.stream().map(name -> "retention-" + name).toList());
    }

    @Test
    void everyClauseIsQuotedWordForWordFromTheServedPolicy() throws IOException {
        String policy;
        try (var in = getClass().getResourceAsStream("/legal/privacy-policy.md")) {
            policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (PolicyClause clause : PolicyClause.values()) {
            assertThat(policy).as(clause.name()).contains(clause.quote());
        }
    }

    @Test
    void thePrivacyMapNamesEveryTableEveryRetentionRuleAndEveryClause() throws IOException {
        String map = Files.readString(Path.of("..", "docs", "privacy-map.md"));
        Stream.concat(registry.rules().stream().map(rule -> "`" + rule.table().getName() + "`"),
                registry.retentionRules().stream().map(rule -> "`retention-" + rule.name() + "`"))
                .forEach(name -> assertThat(map).as("docs/privacy-map.md names " + name).contains(name));
        for (PolicyClause clause : PolicyClause.values()) {
            assertThat(map).as("docs/privacy-map.md quotes " + clause.name()).contains(clause.quote());
        }
    }
}
