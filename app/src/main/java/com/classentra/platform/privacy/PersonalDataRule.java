package com.classentra.platform.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * How one table's personal data is found, exported, deleted and expired, and the policy clause that asks for it.
 *
 * @param subjects  the columns that say whose data a row is: that person gets the row in their export and loses it
 *                  when their account is deleted
 * @param mentions  columns naming another person who acted on the row (who graded, who noted attendance): set to
 *                  null when that person's account is deleted, the row itself stays with its subject
 * @param retention the rows' bounded life, if any, apart from the account's own
 */
public record PersonalDataRule(Table<?> table, List<Subject> subjects, List<Field<?>> mentions, Export export, Deletion deletion,
        List<RetentionRule> retention, PolicyClause clause) {

    public PersonalDataRule {
        subjects = List.copyOf(subjects);
        mentions = List.copyOf(mentions);
        retention = List.copyOf(retention);
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(deletion, "deletion");
    }

    /** What a subject column holds. */
    public enum SubjectKind {
        /** The id of an account (app_user). */
        PERSON,
        /** An email address, for people who may have no account (an invitation, an email). */
        ADDRESS,
        /** A workspace (tenant): the data of whoever owns it when it is a personal workspace. */
        WORKSPACE,
        /**
         * The id of an account the row reports on and names ("Ana joined the course", told to the teacher): not part of
         * that person's export, since the row is someone else's, but deleted with their account.
         */
        ABOUT
    }

    /** @param only which of the rows it names are the subject's (a workspace's files, not its students' private ones) */
    public record Subject(Field<?> column, SubjectKind kind, Condition only) {
    }

    /**
     * The columns that go into the person's export under a record kind (one JSON file per kind, explained in the
     * export's README by {@code description}), or why the table is not exported (a token's id, a queue's state: nothing
     * the person could use).
     *
     * @param content the stored object behind each row and its file name, when the rows are files (their bytes go into
     *                the export too); null otherwise
     */
    public record Export(String recordKind, String description, List<Field<?>> columns, FileContent content, String notExportedBecause) {

        public static Export as(String recordKind, String description, Field<?>... columns) {
            return new Export(recordKind, description, List.of(columns), null, null);
        }

        public static Export none(String because) {
            return new Export(null, null, List.of(), null, because);
        }

        public boolean exported() {
            return recordKind != null;
        }

        Export withContent(FileContent content) {
            return new Export(recordKind, description, columns, content, notExportedBecause);
        }
    }

    /** Where a file row's bytes are: the storage key column, and the column with the name to give the file. */
    public record FileContent(Field<String> storageKey, Field<String> filename) {
    }

    /** What deleting an account does to the rows whose subject it is. */
    public enum DeletionAction {
        /** The rows are deleted. */
        DELETE,
        /** The rows are kept for a legal reason, for a period, with nothing left that names the person. */
        KEEP_PSEUDONYMISED,
        /**
         * The rows belong to a workspace: deleted with the person's personal workspace; in an organization workspace
         * they stay, and only the person's mentions in them are cleared.
         */
        WITH_PERSONAL_WORKSPACE,
        /** No column names a person (or only mentions do): the rows' own retention rule bounds them. */
        RETENTION_ONLY
    }

    /**
     * @param keptFor      how long rows kept for a legal reason stay after the deletion; null otherwise
     * @param only         for DELETE, the rows of the person that go (the rest keep them as a mention); null for all
     * @param pseudonymise for KEEP_PSEUDONYMISED, how the rows are kept without the person
     */
    public record Deletion(DeletionAction action, Duration keptFor, String because, Condition only, Pseudonymise pseudonymise) {

        public static Deletion delete() {
            return new Deletion(DeletionAction.DELETE, null, null, null, null);
        }

        /** Only the person's rows that meet the condition go; the others stay and only their mention is cleared. */
        public static Deletion deleteWhere(Condition only, String because) {
            return new Deletion(DeletionAction.DELETE, null, Objects.requireNonNull(because), only, null);
        }

        public static Deletion withPersonalWorkspace() {
            return new Deletion(DeletionAction.WITH_PERSONAL_WORKSPACE, null, null, null, null);
        }

        public static Deletion byRetentionOnly(String because) {
            return new Deletion(DeletionAction.RETENTION_ONLY, null, Objects.requireNonNull(because), null, null);
        }

        public static Deletion keepPseudonymised(Duration keptFor, String because, Pseudonymise how) {
            return new Deletion(DeletionAction.KEEP_PSEUDONYMISED, Objects.requireNonNull(keptFor), Objects.requireNonNull(because), null,
                    Objects.requireNonNull(how));
        }
    }

    /** Keeps a table's rows of the person without the person, inside an erasure's transaction; returns rows changed. */
    @FunctionalInterface
    public interface Pseudonymise {
        int apply(DSLContext db, Erasure erasure);
    }

    public static Builder of(Table<?> table, PolicyClause clause) {
        return new Builder(table, clause);
    }

    /** Reads like the rule it builds: of(table, clause).subject(...).export(...).deletion(...).expires(...). */
    public static final class Builder {

        private final Table<?> table;
        private final PolicyClause clause;
        private final List<Subject> subjects = new ArrayList<>();
        private final List<Field<?>> mentions = new ArrayList<>();
        private final List<RetentionRule> retention = new ArrayList<>();
        private Export export;
        private Deletion deletion;

        private Builder(Table<?> table, PolicyClause clause) {
            this.table = table;
            this.clause = clause;
        }

        public Builder subject(Field<?> column) {
            return subject(column, SubjectKind.PERSON);
        }

        public Builder subject(Field<?> column, SubjectKind kind) {
            return subject(column, kind, org.jooq.impl.DSL.noCondition());
        }

        /** A subject of only some of the rows its column names. */
        public Builder subject(Field<?> column, SubjectKind kind, Condition only) {
            subjects.add(new Subject(column, kind, only));
            return this;
        }

        public Builder mentions(Field<?>... columns) {
            mentions.addAll(List.of(columns));
            return this;
        }

        public Builder export(String recordKind, String description, Field<?>... columns) {
            this.export = Export.as(recordKind, description, columns);
            return this;
        }

        /** The rows are files: their bytes go into the export with them. */
        public Builder withFileContent(Field<String> storageKey, Field<String> filename) {
            this.export = export.withContent(new FileContent(storageKey, filename));
            return this;
        }

        public Builder notExported(String because) {
            this.export = Export.none(because);
            return this;
        }

        public Builder deletion(Deletion deletion) {
            this.deletion = deletion;
            return this;
        }

        public Builder expires(RetentionRule.Builder rule) {
            retention.add(rule.build(table));
            return this;
        }

        public PersonalDataRule build() {
            return new PersonalDataRule(table, subjects, mentions, export, deletion, retention, clause);
        }
    }
}
