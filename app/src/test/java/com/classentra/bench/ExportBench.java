package com.classentra.bench;

import com.classentra.platform.privacy.PersonalDataExport;
import com.classentra.platform.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Download my data" for a person with a lot: 10,000 submissions (each with a version, a grade and feedback) and 1 GB
 * of files, against a person with a tenth of it. Prints the time, the archive's size, and the most heap still in use
 * after a garbage collection while the export ran: flat memory means the second figure does not grow with the data.
 * Not a test: run it with {@code ./mvnw -pl app -Pbench test} (docs/performance.md).
 */
public final class ExportBench {

    private static final int FILE_BYTES = 10 * 1024 * 1024;

    private ExportBench() {
    }

    /** A person of the bench: how many submissions and files (of 10 MB each) they have. */
    private record Person(String name, UUID id, int submissions, int files) {
    }

    public static void main(String[] args) throws Exception {
        String url = BenchApplication.databaseUrl("classentra_export_bench");
        List<Person> people = List.of(new Person("a tenth: 1,000 submissions, 100 MB of files", HeavyTenant.uuidOf("export-bench-small"), 1_000, 10),
                new Person("10,000 submissions, 1 GB of files", HeavyTenant.uuidOf("export-bench-large"), 10_000, 100));
        try (ConfigurableApplicationContext app = BenchApplication.start(url)) {
            ObjectStore storage = app.getBean(ObjectStore.class);
            PersonalDataExport export = app.getBean(PersonalDataExport.class);
            for (Person person : people) {
                ensure(url, person);
                storeFiles(storage, person);
            }
            System.out.printf("%nExport of one person's data, written to a counting stream (max heap %d MB)%n%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.println("| person | seconds | archive MB | live heap before, MB | most live heap during, MB (samples) |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Person person : people) {
                CountingStream out = new CountingStream();
                long start = System.nanoTime();
                export.write(person.id(), out, (step, done, of) -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                System.gc();
                long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                try (LiveHeap live = new LiveHeap()) {
                    export.write(person.id(), new CountingStream(), (step, done, of) -> { });
                    live.close();
                    System.out.printf("| %s | %.1f | %.0f | %.0f | %.0f (%d) |%n", person.name(), seconds, out.bytes / 1048576.0, before / 1048576.0,
                            live.most / 1048576.0, live.samples);
                }
            }
        }
    }

    /** The person, a workspace teaching them 20 courses, and their submissions, versions and grades; once per database. */
    private static void ensure(String url, Person person) throws Exception {
        try (Connection db = DriverManager.getConnection(url, BenchApplication.owner(), "")) {
            try (PreparedStatement present = db.prepareStatement("SELECT count(*) FROM app_user WHERE id = ?")) {
                present.setObject(1, person.id());
                try (ResultSet rows = present.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
            }
            db.setAutoCommit(false);
            String p = person.id().toString();
            try (Statement sql = db.createStatement()) {
                sql.execute("SET app.platform_scope = 'on'");
                sql.execute("INSERT INTO app_user (id, email, first_name, last_name, roles, email_verified) VALUES ('" + p + "', 'export-" + p
                        + "@example.com', 'Ella', 'Export', '{STUDENT}', true)");
                sql.execute("INSERT INTO app_user (id, email, first_name, last_name, roles, email_verified) VALUES (md5('teacher' || '" + p
                        + "')::uuid, 'teacher-" + p + "@example.com', 'Theo', 'Teacher', '{TEACHER}', true)");
                sql.execute("INSERT INTO tenant (id, kind, name) VALUES (md5('tenant' || '" + p + "')::uuid, 'PERSONAL', 'Export bench studio')");
                sql.execute("INSERT INTO tenant_member (tenant_id, user_id, role) VALUES (md5('tenant' || '" + p + "')::uuid, md5('teacher' || '" + p
                        + "')::uuid, 'OWNER')");
                sql.execute("INSERT INTO course (id, tenant_id, title, join_code) SELECT md5('course' || n || '" + p + "')::uuid, md5('tenant' || '" + p
                        + "')::uuid, 'Course ' || n, upper(substr(md5('code' || n || '" + p + "'), 1, 8)) FROM generate_series(1, 20) n");
                sql.execute("INSERT INTO enrolment (tenant_id, course_id, student_id) SELECT md5('tenant' || '" + p + "')::uuid, md5('course' || n || '"
                        + p + "')::uuid, '" + p + "' FROM generate_series(1, 20) n");
                sql.execute("INSERT INTO course_item (id, tenant_id, course_id, kind, title, points_possible, grading_scale, late_policy) "
                        + "SELECT md5('item' || n || '" + p + "')::uuid, md5('tenant' || '" + p + "')::uuid, md5('course' || (n % 20 + 1) || '" + p
                        + "')::uuid, 'ASSIGNMENT', 'Exercise ' || n, 10, 'POINTS', 'ACCEPT' FROM generate_series(1, " + person.submissions() + ") n");
                sql.execute("INSERT INTO submission (id, tenant_id, course_id, assignment_id, student_id, current_version, submitted_at, late) "
                        + "SELECT md5('submission' || n || '" + p + "')::uuid, md5('tenant' || '" + p + "')::uuid, md5('course' || (n % 20 + 1) || '" + p
                        + "')::uuid, md5('item' || n || '" + p + "')::uuid, '" + p + "', 1, now(), false FROM generate_series(1, " + person.submissions() + ") n");
                sql.execute("INSERT INTO submission_version (submission_id, version, tenant_id, student_id, text_html, submitted_at, late) "
                        + "SELECT md5('submission' || n || '" + p + "')::uuid, 1, md5('tenant' || '" + p + "')::uuid, '" + p
                        + "', repeat('<p>My answer to exercise ' || n || '.</p>', 40), now(), false FROM generate_series(1, " + person.submissions() + ") n");
                sql.execute("INSERT INTO grade (tenant_id, course_id, assignment_id, student_id, points, feedback_html) "
                        + "SELECT md5('tenant' || '" + p + "')::uuid, md5('course' || (n % 20 + 1) || '" + p + "')::uuid, md5('item' || n || '" + p
                        + "')::uuid, '" + p + "', 8, '<p>Good work on exercise ' || n || '.</p>' FROM generate_series(1, " + person.submissions() + ") n");
                sql.execute("INSERT INTO stored_file (id, tenant_id, course_id, item_id, uploaded_by, storage_key, filename, content_type, size_bytes, sha256) "
                        + "SELECT md5('file' || n || '" + p + "')::uuid, md5('tenant' || '" + p + "')::uuid, md5('course' || (n % 20 + 1) || '" + p
                        + "')::uuid, md5('item' || n || '" + p + "')::uuid, '" + p + "', 'export-bench/" + p + "/' || n, 'recording-' || n || '.bin', "
                        + "'application/octet-stream', " + FILE_BYTES + ", '00' FROM generate_series(1, " + person.files() + ") n");
            }
            db.commit();
        }
    }

    /** The files' bytes, in the application's (temporary) storage: random, so the archive cannot shrink them. */
    private static void storeFiles(ObjectStore storage, Person person) throws Exception {
        for (int n = 1; n <= person.files(); n++) {
            storage.put("export-bench/" + person.id() + "/" + n, new RandomBytes(FILE_BYTES, n), FILE_BYTES, "application/octet-stream");
        }
    }

    /**
     * Forces a full collection every 250 ms while it runs and keeps the most heap still in use after one: the live
     * data at its largest, garbage left out. It slows the export, so the export is timed in a separate run.
     */
    private static final class LiveHeap extends Thread implements AutoCloseable {
        private volatile long most;
        private volatile int samples;

        LiveHeap() {
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                System.gc();
                most = Math.max(most, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                samples++;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            interrupt();
            join();
        }
    }

    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static final class RandomBytes extends InputStream {
        private final SplittableRandom random;
        private long left;

        RandomBytes(long size, long seed) {
            this.left = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            left -= n;
            return n;
        }
    }
}
