package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names and addresses of people, for the lists other features show (a course's students). It reads in the
 * caller's scope, so row-level security decides who is visible: a workspace sees its members and the students of its
 * courses, nobody else.
 */
@Service
public class People {

    private final DSLContext db;

    People(DSLContext db) {
        this.db = db;
    }

    /** A person as others see them in a list. */
    public record Person(UUID id, String firstName, String lastName, String email) {

        public String name() {
            return (firstName + " " + lastName).strip();
        }
    }

    /** Those of the people the current scope may see; the others are simply absent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Person> visible(Collection<UUID> ids) {
        return db.select(APP_USER.ID, APP_USER.FIRST_NAME, APP_USER.LAST_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.in(ids))
                .fetchMap(APP_USER.ID, r -> new Person(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
