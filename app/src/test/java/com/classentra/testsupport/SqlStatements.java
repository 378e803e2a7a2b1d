package com.classentra.testsupport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements jOOQ executes on the current thread while some work runs, to check that a page costs a
 * fixed number of statements. (Each transaction also runs one statement of its own that sets the scope; it is not
 * counted here.)
 */
@Component
public class SqlStatements {

    private static final ScopedValue<AtomicInteger> COUNTER = ScopedValue.newInstance();

    SqlStatements(DSLContext db) {
        ExecuteListener counting = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (COUNTER.isBound()) {
                    COUNTER.get().incrementAndGet();
                }
            }
        };
        // The application's jOOQ configuration is shared, so the listener is added to it rather than replacing it.
        db.configuration().set(Stream.concat(Stream.of(db.configuration().executeListenerProviders()),
                Stream.of(new DefaultExecuteListenerProvider(counting))).toArray(ExecuteListenerProvider[]::new));
    }

    /** What the work returned and how many statements it ran. */
    public record Counted<T>(T value, int statements) {
    }

    public <T> Counted<T> count(Supplier<T> work) {
        AtomicInteger counter = new AtomicInteger();
        T value = ScopedValue.where(COUNTER, counter).call(work::get);
        return new Counted<>(value, counter.get());
    }
}
