package com.classentra.platform.privacy;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT;

import com.classentra.platform.privacy.PersonalDataRule.DeletionAction;
import com.classentra.platform.privacy.PersonalDataRule.Subject;
import com.classentra.platform.privacy.PersonalDataRule.SubjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The steps of an account deletion that the registry decides, in the order they must run:
 * <ol>
 * <li>the person's personal workspaces, which take their courses and everything in them along (by cascade; stored
 * objects are queued for the file purge by the database);</li>
 * <li>each registered table by its rule: rows kept for a legal reason pseudonymised, the person's rows deleted, an
 * address in a workspace's row cleared;</li>
 * <li>every mention of the person in other people's rows cleared;</li>
 * <li>last, the account itself.</li>
 * </ol>
 */
@Component
public class RegistryErasure {

    public static final String PERSONAL_WORKSPACES = "personal-workspaces";
    public static final String ACCOUNT = "account";

    private final PersonalDataRegistry registry;
    private final DSLContext db;

    RegistryErasure(PersonalDataRegistry registry, DSLContext db) {
        this.registry = registry;
        this.db = db;
    }

    public List<ErasureStep> steps() {
        List<ErasureStep> steps = new ArrayList<>();
        steps.add(step(PERSONAL_WORKSPACES, erasure -> erasure.personalWorkspaces().isEmpty() ? 0
                : db.deleteFrom(TENANT).where(TENANT.ID.in(erasure.personalWorkspaces())).execute()));
        for (PersonalDataRule rule : registry.rules()) {
            if (rule.table().equals(APP_USER)) {
                continue;
            }
            switch (rule.deletion().action()) {
                case KEEP_PSEUDONYMISED -> steps.add(step("keep:" + rule.table().getName(), erasure -> rule.deletion().pseudonymise().apply(db, erasure)));
                case DELETE -> steps.add(step("delete:" + rule.table().getName(), erasure -> db.deleteFrom(rule.table())
                        .where(personsRows(rule, erasure)).and(rule.deletion().only() == null ? DSL.noCondition() : rule.deletion().only()).execute()));
                case WITH_PERSONAL_WORKSPACE -> rule.subjects().stream().filter(subject -> subject.kind() == SubjectKind.ADDRESS).forEach(subject ->
                        steps.add(step("clear:" + rule.table().getName() + "." + subject.column().getName(), erasure -> db.update(rule.table())
                                .set(DSL.field(subject.column().getQualifiedName(), String.class), (String) null)
                                .where(sameAddress(subject.column(), erasure)).execute())));
                case RETENTION_ONLY -> {
                    // Nothing names the person as a subject; their mentions are cleared below.
                }
            }
        }
        for (PersonalDataRule rule : registry.rules()) {
            for (Field<?> mention : rule.mentions()) {
                steps.add(step("mentions:" + rule.table().getName() + "." + mention.getName(), erasure -> db.update(rule.table())
                        .set(DSL.field(mention.getQualifiedName(), Object.class), (Object) null)
                        .where(DSL.field(mention.getQualifiedName()).eq(erasure.personId())).execute()));
            }
        }
        steps.add(step(ACCOUNT, erasure -> db.deleteFrom(APP_USER).where(APP_USER.ID.eq(erasure.personId())).execute()));
        return steps;
    }

    /** The rows whose subject is the person, by id or address; a workspace's rows go with the workspace instead. */
    private static Condition personsRows(PersonalDataRule rule, Erasure erasure) {
        Condition any = DSL.falseCondition();
        for (Subject subject : rule.subjects()) {
            any = switch (subject.kind()) {
                case PERSON, ABOUT -> any.or(DSL.field(subject.column().getQualifiedName()).eq(erasure.personId()));
                case ADDRESS -> any.or(sameAddress(subject.column(), erasure));
                case WORKSPACE -> any;
            };
        }
        return any;
    }

    private static Condition sameAddress(Field<?> column, Erasure erasure) {
        return DSL.lower(DSL.field(column.getQualifiedName(), String.class)).eq(erasure.email().toLowerCase(Locale.ROOT));
    }

    private static ErasureStep step(String name, java.util.function.ToIntFunction<Erasure> work) {
        return new ErasureStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int erase(Erasure erasure) {
                return work.applyAsInt(erasure);
            }
        };
    }
}
