-- A heavy workspace for the benchmark: 1 teacher, 5,000 students, 50 courses with 3,000 students each, 4 assignments,
-- 6 sessions and 30 posts per course, about 495,000 submissions with versions, grades for most past work.
-- Run as the schema owner in one transaction (now() is then one instant). Ids come from md5 of fixed names and
-- choices from hashtext, so every run builds the same rows; dates are relative to the day it runs, so that the
-- dashboards ("today", "next 14 days", "last 7 days") have something to show.
-- Statements are separated by a semicolon at the end of a line.

INSERT INTO tenant (id, kind, name) VALUES (md5('bench-tenant')::uuid, 'PERSONAL', 'Bench studio');

INSERT INTO app_user (id, email, first_name, last_name, roles, email_verified, onboarding_done_at)
VALUES (md5('bench-teacher')::uuid, 'bench-teacher@example.com', 'Bianca', 'Bench', ARRAY ['TEACHER'], true, now());

INSERT INTO tenant_member (tenant_id, user_id, role) VALUES (md5('bench-tenant')::uuid, md5('bench-teacher')::uuid, 'OWNER');

INSERT INTO app_user (id, email, first_name, last_name, roles, email_verified, onboarding_done_at)
SELECT md5('bench-student-' || s)::uuid, 'bench-student-' || s || '@example.com',
       (ARRAY ['Ana', 'Ben', 'Chloé', 'Dev', 'Emre', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jun'])[1 + s % 10], 'Student ' || s,
       ARRAY ['STUDENT'], true, now()
FROM generate_series(1, 5000) s;

INSERT INTO course (id, tenant_id, title, join_code, created_by, created_at)
SELECT md5('bench-course-' || c)::uuid, md5('bench-tenant')::uuid,
       (ARRAY ['Piano', 'Violin', 'Harmony', 'Composition', 'Ear training'])[1 + c % 5] || ' ' || c,
       upper(substr(md5('bench-course-' || c), 1, 8)), md5('bench-teacher')::uuid, date_trunc('day', now()) - interval '120 days'
FROM generate_series(1, 50) c;

INSERT INTO enrolment (tenant_id, course_id, student_id, joined_at)
SELECT md5('bench-tenant')::uuid, md5('bench-course-' || c)::uuid, md5('bench-student-' || s)::uuid, date_trunc('day', now()) - interval '100 days'
FROM generate_series(1, 50) c, generate_series(1, 5000) s
WHERE (s + c) % 5 < 3;

-- Assignment k of course c is due at 23:59 on day 14k - 30 + c % 7 from today: two well past, one around now, one ahead.
INSERT INTO course_item (id, tenant_id, course_id, kind, title, body_html, due_at, points_possible, grading_scale, late_policy, created_by, created_at)
SELECT md5('bench-assignment-' || c || '-' || k)::uuid, md5('bench-tenant')::uuid, md5('bench-course-' || c)::uuid, 'ASSIGNMENT',
       'Assignment ' || (k + 1), '<p>The work of week ' || (k + 1) || '.</p>',
       date_trunc('day', now()) + make_interval(days => 14 * k - 30 + c % 7, mins => 1439), 10, 'POINTS', 'ACCEPT',
       md5('bench-teacher')::uuid, date_trunc('day', now()) + make_interval(days => 14 * k - 44 + c % 7)
FROM generate_series(1, 50) c, generate_series(0, 3) k;

INSERT INTO course_item (id, tenant_id, course_id, kind, title, body_html, created_by, created_at)
SELECT md5('bench-post-' || c || '-' || p)::uuid, md5('bench-tenant')::uuid, md5('bench-course-' || c)::uuid,
       (ARRAY ['ANNOUNCEMENT', 'MATERIAL'])[1 + p % 2], 'Week ' || (p / 2 + 1) || (ARRAY [' notes', ' reading'])[1 + p % 2],
       '<p>' || repeat('Something to read before class. ', 20) || '</p>', md5('bench-teacher')::uuid,
       date_trunc('day', now()) - make_interval(days => 90 - 3 * p, hours => -9)
FROM generate_series(1, 50) c, generate_series(1, 30) p;

-- Sessions on days -3, -1, 0 (today), 1, 7 and 14, at 8:00 to 17:00 UTC depending on the course.
INSERT INTO course_item (id, tenant_id, course_id, kind, title, starts_at, duration_minutes, meeting_url, created_by, created_at)
SELECT md5('bench-session-' || c || '-' || d)::uuid, md5('bench-tenant')::uuid, md5('bench-course-' || c)::uuid, 'SESSION',
       'Live class', date_trunc('day', now()) + make_interval(days => d, hours => 8 + c % 10), 60,
       CASE WHEN c % 2 = 0 THEN 'https://meet.google.com/abc-defg-hij' END, md5('bench-teacher')::uuid,
       date_trunc('day', now()) - interval '100 days'
FROM generate_series(1, 50) c, unnest(ARRAY [-3, -1, 0, 1, 7, 14]) d;

-- 90% of students turn in each of the first three assignments (5% of them late), 60% the one due ahead;
-- a quarter have a second version and one in sixteen a third.
INSERT INTO submission (id, tenant_id, course_id, assignment_id, student_id, current_version, submitted_at, late)
SELECT md5('bench-submission-' || c || '-' || k || '-' || s)::uuid, md5('bench-tenant')::uuid, md5('bench-course-' || c)::uuid,
       md5('bench-assignment-' || c || '-' || k)::uuid, md5('bench-student-' || s)::uuid,
       1 + (h % 4 = 0)::int + (h % 16 = 0)::int, at, at > due
FROM (SELECT c, k, s, h, due,
             least(CASE WHEN k < 3 THEN due - make_interval(hours => h % 96) + make_interval(hours => CASE WHEN h % 20 = 0 THEN 30 ELSE 0 END)
                        ELSE date_trunc('day', now()) - make_interval(hours => h % 120) END,
                   now() - make_interval(mins => 1 + h % 600)) AS at
      FROM (SELECT c, k, s, abs(hashtext(c || '-' || k || '-' || s)) AS h,
                   date_trunc('day', now()) + make_interval(days => 14 * k - 30 + c % 7, mins => 1439) AS due
            FROM generate_series(1, 50) c, generate_series(0, 3) k, generate_series(1, 5000) s
            WHERE (s + c) % 5 < 3) candidates
      WHERE (k < 3 AND h % 10 <> 0) OR (k = 3 AND h % 10 < 6)) turned_in;

INSERT INTO submission_version (submission_id, version, tenant_id, student_id, text_html, submitted_at, late)
SELECT s.id, v, s.tenant_id, s.student_id, '<p>My answer, version ' || v || '.</p>',
       s.submitted_at - make_interval(hours => 20 * (s.current_version - v)), s.late AND v = s.current_version
FROM submission s, generate_series(1, s.current_version) v;

-- Work due more than three days ago is 95% graded, work due in the last three days half graded, 90% of grades
-- returned. Third versions came in after their grade, so they wait for a regrade.
INSERT INTO grade (tenant_id, course_id, assignment_id, student_id, points, feedback_html, graded_by, graded_at, returned_at)
SELECT tenant_id, course_id, assignment_id, student_id, h % 11, '<p>Clear and careful work.</p>', md5('bench-teacher')::uuid, graded_at,
       CASE WHEN h % 10 <> 0 THEN graded_at END
FROM (SELECT s.*, abs(hashtext(s.id::text)) AS h, i.due_at,
             CASE WHEN s.current_version = 3 THEN s.submitted_at - interval '12 hours'
                  ELSE least(s.submitted_at + interval '2 days', now() - interval '1 minute') END AS graded_at
      FROM submission s JOIN course_item i ON i.id = s.assignment_id) turned_in
WHERE (due_at < now() - interval '3 days' AND h % 20 <> 1) OR (due_at BETWEEN now() - interval '3 days' AND now() AND h % 2 = 0);

INSERT INTO grade_history (id, tenant_id, assignment_id, student_id, points, feedback_html, graded_by, graded_at)
SELECT md5('bench-grade-' || assignment_id || '-' || student_id)::uuid, tenant_id, assignment_id, student_id, points, feedback_html,
       graded_by, graded_at
FROM grade;
