--liquibase formatted sql

--changeset classentra:0031-channel
--comment: Chat channels of a course (privacy policy: "Messages, reactions, and read receipts in course and direct message
--comment: channels"). COURSE: one per course, everyone of the course reads it (its workspace's teachers and its active
--comment: students, derived from the enrolment, so joining and leaving need no bookkeeping). TOPIC: made by a teacher, for
--comment: the whole course (audience COURSE) or chosen members (audience MEMBERS). DIRECT: two people who share the course,
--comment: readable by those two only, not by the workspace. Deleted with the course.
CREATE TABLE channel (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id       uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('COURSE', 'TOPIC', 'DIRECT')),
    audience        text        NOT NULL CHECK (audience IN ('COURSE', 'MEMBERS')),
    name            text        CHECK (name IS NULL OR length(btrim(name)) BETWEEN 1 AND 80),
    direct_pair     text,
    members         uuid[]      NOT NULL DEFAULT '{}',
    students_may_message_each_other boolean NOT NULL DEFAULT false,
    created_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (course_id, tenant_id) REFERENCES course (id, tenant_id) ON DELETE CASCADE,
    UNIQUE (id, tenant_id),
    CHECK ((kind = 'TOPIC') = (name IS NOT NULL)),
    CHECK ((kind = 'DIRECT') = (direct_pair IS NOT NULL)),
    CHECK (kind <> 'DIRECT' OR audience = 'MEMBERS'),
    CHECK (kind <> 'COURSE' OR audience = 'COURSE')
);
COMMENT ON COLUMN channel.members IS 'Who reads a MEMBERS channel (a direct channel''s two, a private topic''s chosen); kept on the channel so its policy needs no other table';
COMMENT ON COLUMN channel.direct_pair IS 'The two people of a direct channel, their ids in order joined by a colon: one channel per pair and course';
COMMENT ON COLUMN channel.students_may_message_each_other IS 'On the COURSE channel: whether the teacher lets students write to each other directly';
CREATE UNIQUE INDEX channel_course_one_idx ON channel (course_id) WHERE kind = 'COURSE';
CREATE UNIQUE INDEX channel_direct_pair_idx ON channel (course_id, direct_pair) WHERE kind = 'DIRECT';
CREATE INDEX channel_tenant_idx ON channel (tenant_id);

--changeset classentra:0031-channel-member
--comment: A person's own state in a channel they read: the last message read (read receipts, unread counts) and muted
--comment: notifications. Made when first needed. (A teacher's mute is in channel_mute, which the person cannot change.)
CREATE TABLE channel_member (
    channel_id          uuid        NOT NULL,
    tenant_id           uuid        NOT NULL,
    user_id             uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    last_read_seq       bigint      NOT NULL DEFAULT 0,
    last_read_at        timestamptz,
    notifications_muted boolean     NOT NULL DEFAULT false,
    joined_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel_id, user_id),
    FOREIGN KEY (channel_id, tenant_id) REFERENCES channel (id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX channel_member_user_idx ON channel_member (user_id);
CREATE INDEX channel_member_tenant_idx ON channel_member (tenant_id);

--changeset classentra:0031-message
--comment: A message, with its place in the channel (seq: keyset pages backwards, read markers), a reply's parent (one level),
--comment: and its text for search. Deleting keeps the row as "message deleted" with the content removed.
CREATE TABLE message (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id   uuid        NOT NULL,
    channel_id  uuid        NOT NULL,
    author_id   uuid REFERENCES app_user (id) ON DELETE SET NULL,
    parent_id   uuid,
    body_html   text        CHECK (body_html IS NULL OR length(body_html) <= 20000),
    body_text   text        CHECK (body_text IS NULL OR length(body_text) <= 8000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    edited_at   timestamptz,
    deleted_at  timestamptz,
    deleted_by  uuid REFERENCES app_user (id) ON DELETE SET NULL,
    pinned_at   timestamptz,
    pinned_by   uuid REFERENCES app_user (id) ON DELETE SET NULL,
    flagged     text,
    search      tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body_text, ''))) STORED,
    FOREIGN KEY (channel_id, tenant_id) REFERENCES channel (id, tenant_id) ON DELETE CASCADE,
    UNIQUE (id, channel_id, tenant_id),
    -- A reply answers a message of its own channel, never one elsewhere.
    FOREIGN KEY (parent_id, channel_id, tenant_id) REFERENCES message (id, channel_id, tenant_id) ON DELETE SET NULL (parent_id),
    CHECK ((deleted_at IS NULL) = (body_text IS NOT NULL AND body_html IS NOT NULL))
);
COMMENT ON COLUMN message.flagged IS 'Why the message awaits fraud review (a link to another payment site), null when it does not';
CREATE UNIQUE INDEX message_channel_seq_idx ON message (channel_id, seq);
CREATE INDEX message_parent_idx ON message (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX message_author_idx ON message (author_id);
CREATE INDEX message_tenant_idx ON message (tenant_id);
CREATE INDEX message_search_idx ON message USING gin (search);

--changeset classentra:0031-message-reaction
CREATE TABLE message_reaction (
    message_id uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL,
    channel_id uuid        NOT NULL,
    emoji      text        NOT NULL CHECK (length(emoji) BETWEEN 1 AND 16),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, user_id, emoji),
    -- The reaction's channel is its message's: nobody reacts, through a channel they read, to a message elsewhere.
    FOREIGN KEY (message_id, channel_id, tenant_id) REFERENCES message (id, channel_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX message_reaction_user_idx ON message_reaction (user_id);
CREATE INDEX message_reaction_tenant_idx ON message_reaction (tenant_id);

--changeset classentra:0031-channel-mute
--comment: A teacher's mute: the person may not post in the channel until then. Written by the workspace only, so the
--comment: muted person can read it but not lift it.
CREATE TABLE channel_mute (
    channel_id uuid        NOT NULL,
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    until      timestamptz NOT NULL,
    muted_by   uuid REFERENCES app_user (id) ON DELETE SET NULL,
    PRIMARY KEY (channel_id, user_id),
    FOREIGN KEY (channel_id, tenant_id) REFERENCES channel (id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX channel_mute_tenant_idx ON channel_mute (tenant_id);
CREATE INDEX channel_mute_user_idx ON channel_mute (user_id);

--changeset classentra:0031-messaging-rls
-- Who reads a channel: its workspace (teachers, in the workspace's scope) except direct channels; everyone of the course
-- for a COURSE audience; its members. Messages, reactions and read state follow the channel: a row is visible exactly
-- when its channel is (the channel's own policy applies inside these subqueries).
ALTER TABLE channel ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel FORCE ROW LEVEL SECURITY;
CREATE POLICY channel_read ON channel FOR SELECT
    USING ((SELECT app_platform_scope())
           OR (kind <> 'DIRECT' AND tenant_id = (SELECT app_current_tenant()))
           OR (audience = 'COURSE' AND EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = channel.course_id
                                                 AND e.student_id = (SELECT app_current_user()) AND e.status = 'ACTIVE'))
           OR ((SELECT app_current_user()) = ANY (members)
               AND (tenant_id = (SELECT app_current_tenant())
                    OR EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = channel.course_id
                               AND e.student_id = (SELECT app_current_user()) AND e.status = 'ACTIVE'))));
-- Channels are made by the workspace (course and topic channels) or, for a direct channel, by one of its two people
-- who takes part in the course: exactly two members, the pair key made of them (nobody takes over another pair's key).
CREATE POLICY channel_insert ON channel FOR INSERT
    WITH CHECK ((SELECT app_platform_scope()) OR (kind <> 'DIRECT' AND tenant_id = (SELECT app_current_tenant()))
                OR (kind = 'DIRECT' AND created_by = (SELECT app_current_user()) AND (SELECT app_current_user()) = ANY (members)
                    AND cardinality(members) = 2 AND members[1] <> members[2]
                    AND direct_pair = least(members[1], members[2])::text || ':' || greatest(members[1], members[2])::text
                    AND (tenant_id = (SELECT app_current_tenant())
                         OR EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = channel.course_id
                                    AND e.student_id = (SELECT app_current_user()) AND e.status = 'ACTIVE'))));
CREATE POLICY channel_update ON channel FOR UPDATE
    USING ((SELECT app_platform_scope()) OR (kind <> 'DIRECT' AND tenant_id = (SELECT app_current_tenant())))
    WITH CHECK ((SELECT app_platform_scope()) OR (kind <> 'DIRECT' AND tenant_id = (SELECT app_current_tenant())));
CREATE POLICY channel_delete ON channel FOR DELETE
    USING ((SELECT app_platform_scope()) OR (kind = 'TOPIC' AND tenant_id = (SELECT app_current_tenant())));

ALTER TABLE channel_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_member FORCE ROW LEVEL SECURITY;
-- A person's own rows; and the read markers of the others in a channel the person reads, for "seen by"; the workspace
-- writes mutes in its channels.
CREATE POLICY channel_member_read ON channel_member FOR SELECT
    USING ((SELECT app_platform_scope()) OR user_id = (SELECT app_current_user())
           OR EXISTS (SELECT 1 FROM channel c WHERE c.id = channel_member.channel_id));
CREATE POLICY channel_member_write ON channel_member FOR ALL
    USING ((SELECT app_platform_scope()) OR user_id = (SELECT app_current_user()))
    WITH CHECK ((SELECT app_platform_scope())
                OR (user_id = (SELECT app_current_user()) AND EXISTS (SELECT 1 FROM channel c WHERE c.id = channel_member.channel_id)));

ALTER TABLE channel_mute ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_mute FORCE ROW LEVEL SECURITY;
CREATE POLICY channel_mute_read ON channel_mute FOR SELECT
    USING ((SELECT app_platform_scope()) OR user_id = (SELECT app_current_user()) OR tenant_id = (SELECT app_current_tenant()));
CREATE POLICY channel_mute_write ON channel_mute FOR ALL
    USING ((SELECT app_platform_scope()) OR tenant_id = (SELECT app_current_tenant()))
    WITH CHECK ((SELECT app_platform_scope())
                OR (tenant_id = (SELECT app_current_tenant()) AND EXISTS (SELECT 1 FROM channel c WHERE c.id = channel_mute.channel_id
                                                                        AND c.kind <> 'DIRECT')));

ALTER TABLE message ENABLE ROW LEVEL SECURITY;
ALTER TABLE message FORCE ROW LEVEL SECURITY;
CREATE POLICY message_read ON message FOR SELECT
    USING ((SELECT app_platform_scope()) OR EXISTS (SELECT 1 FROM channel c WHERE c.id = message.channel_id));
CREATE POLICY message_insert ON message FOR INSERT
    WITH CHECK ((SELECT app_platform_scope())
                OR (author_id = (SELECT app_current_user()) AND EXISTS (SELECT 1 FROM channel c WHERE c.id = message.channel_id)));
-- Its author edits and deletes a message; a teacher deletes and pins in the workspace's channels (not direct ones).
CREATE POLICY message_update ON message FOR UPDATE
    USING ((SELECT app_platform_scope()) OR author_id = (SELECT app_current_user())
           OR (tenant_id = (SELECT app_current_tenant()) AND EXISTS (SELECT 1 FROM channel c WHERE c.id = message.channel_id
                                                                   AND c.kind <> 'DIRECT')))
    WITH CHECK ((SELECT app_platform_scope()) OR EXISTS (SELECT 1 FROM channel c WHERE c.id = message.channel_id));
CREATE POLICY message_delete ON message FOR DELETE USING ((SELECT app_platform_scope()));

ALTER TABLE message_reaction ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_reaction FORCE ROW LEVEL SECURITY;
CREATE POLICY message_reaction_read ON message_reaction FOR SELECT
    USING ((SELECT app_platform_scope()) OR EXISTS (SELECT 1 FROM channel c WHERE c.id = message_reaction.channel_id));
CREATE POLICY message_reaction_insert ON message_reaction FOR INSERT
    WITH CHECK ((SELECT app_platform_scope())
                OR (user_id = (SELECT app_current_user()) AND EXISTS (SELECT 1 FROM channel c WHERE c.id = message_reaction.channel_id)));
-- One's own reactions; and every reaction of a message that was just deleted (by its author or a teacher), which goes with it.
CREATE POLICY message_reaction_delete ON message_reaction FOR DELETE
    USING ((SELECT app_platform_scope()) OR user_id = (SELECT app_current_user())
           OR EXISTS (SELECT 1 FROM message m WHERE m.id = message_reaction.message_id AND m.deleted_at IS NOT NULL));
