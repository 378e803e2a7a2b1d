package com.classentra.bench;

import com.classentra.classwork.ClassworkService;
import com.classentra.dashboard.DashboardService;
import com.classentra.grading.GradingService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.SqlStatements;
import com.classentra.testsupport.SqlStatements.Counted;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times the heaviest pages through the real services, in the real scopes (the application role under row-level
 * security), on a heavy workspace, and prints p50/p95 and the statements each page runs. Not a test: run it with
 * {@code ./mvnw -pl app -Pbench test} (see docs/performance.md for the settings).
 */
public final class DashboardBench {

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        String owner = BenchApplication.owner();
        int warmup = Integer.getInteger("bench.warmup", 50);
        int iterations = Integer.getInteger("bench.iterations", 300);
        String url = BenchApplication.databaseUrl("classentra_bench");
        try (ConfigurableApplicationContext app = BenchApplication.start(url)) {
            HeavyTenant.ensure(url, owner);
            printSizes(url, owner);
            SignedInUser teacher = new SignedInUser(HeavyTenant.TEACHER, "bench-teacher@example.com", "Bianca Bench", Set.of(Role.TEACHER),
                    HeavyTenant.TENANT, null);
            SignedInUser student = new SignedInUser(HeavyTenant.FIRST_STUDENT, "bench-student-1@example.com", "Ben Student 1",
                    Set.of(Role.STUDENT), null, null);
            DashboardService dashboards = app.getBean(DashboardService.class);
            ClassworkService classwork = app.getBean(ClassworkService.class);
            GradingService grading = app.getBean(GradingService.class);
            SqlStatements statements = app.getBean(SqlStatements.class);

            Map<String, Supplier<?>> pages = new LinkedHashMap<>();
            pages.put("Teacher dashboard", () -> dashboards.teacher(teacher, ZoneOffset.UTC));
            pages.put("Student dashboard", () -> dashboards.student(student, ZoneOffset.UTC));
            pages.put("Course page, teacher (stream)", () -> classwork.stream(teacher, HeavyTenant.FIRST_COURSE, null));
            pages.put("Course page, student (stream)", () -> classwork.stream(student, HeavyTenant.FIRST_COURSE, null));
            pages.put("Gradebook (gradebook + rows 0..50)", () -> {
                grading.gradebook(teacher, HeavyTenant.FIRST_COURSE);
                return grading.rows(teacher, HeavyTenant.FIRST_COURSE, 0, 50);
            });

            System.out.printf("%n%d warm-up and %d timed calls per page%n%n", warmup, iterations);
            System.out.println("| page | p50 ms | p95 ms | max ms | SQL statements (jOOQ) |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Map.Entry<String, Supplier<?>> page : pages.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    page.getValue().get();
                }
                double[] millis = new double[iterations];
                Set<Integer> counts = new TreeSet<>();
                for (int i = 0; i < iterations; i++) {
                    long start = System.nanoTime();
                    Counted<?> counted = statements.count(page.getValue()::get);
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    counts.add(counted.statements());
                }
                Arrays.sort(millis);
                System.out.printf("| %s | %.1f | %.1f | %.1f | %s |%n", page.getKey(), BenchApplication.percentile(millis, 50), BenchApplication.percentile(millis, 95),
                        millis[millis.length - 1], counts.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow());
            }
        }
    }

    private static void printSizes(String url, String owner) throws Exception {
        try (Connection db = DriverManager.getConnection(url, owner, "");
                Statement statement = db.createStatement();
                ResultSet sizes = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM course WHERE tenant_id = '%1$s'), (SELECT count(*) FROM enrolment WHERE tenant_id = '%1$s'),
                               (SELECT count(*) FROM course_item WHERE tenant_id = '%1$s'), (SELECT count(*) FROM submission WHERE tenant_id = '%1$s'),
                               (SELECT count(*) FROM submission_version WHERE tenant_id = '%1$s'), (SELECT count(*) FROM grade WHERE tenant_id = '%1$s')
                        """.formatted(HeavyTenant.TENANT))) {
            sizes.next();
            System.out.printf("Workspace: %d courses, %d enrolments, %d items, %d submissions, %d versions, %d grades%n",
                    sizes.getLong(1), sizes.getLong(2), sizes.getLong(3), sizes.getLong(4), sizes.getLong(5), sizes.getLong(6));
        }
    }
}
