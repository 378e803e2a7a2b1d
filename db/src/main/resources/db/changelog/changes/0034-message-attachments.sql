--liquibase formatted sql

--changeset classentra:0034-message-attachments splitStatements:false
--comment: A chat message's attachments are stored files like a course's (same upload rules, same storage slot, same purge
--comment: queue). Each file belongs to exactly one of an item, a submission or a message. A message's files are read by
--comment: whoever reads the message (a direct conversation's by its two people only, not by the workspace), written by
--comment: its author, and deleted once the message is deleted; they go with the message, its channel and its course.
ALTER TABLE stored_file ADD COLUMN message_id uuid REFERENCES message (id) ON DELETE CASCADE;
DO $$
DECLARE
    owner_check text;
BEGIN
    SELECT conname INTO STRICT owner_check FROM pg_constraint
    WHERE conrelid = 'stored_file'::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) = 'CHECK (((item_id IS NULL) <> (submission_id IS NULL)))';
    EXECUTE format('ALTER TABLE stored_file DROP CONSTRAINT %I', owner_check);
END
$$;
ALTER TABLE stored_file ADD CONSTRAINT stored_file_one_owner CHECK (num_nonnulls(item_id, submission_id, message_id) = 1);
CREATE INDEX stored_file_message_idx ON stored_file (message_id) WHERE message_id IS NOT NULL;

DROP POLICY stored_file_read ON stored_file;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING ((SELECT app_platform_scope())
           OR (message_id IS NULL AND tenant_id = (SELECT app_current_tenant()))
           OR (item_id IS NOT NULL AND EXISTS (SELECT 1 FROM course_item i WHERE i.id = stored_file.item_id))
           OR (submission_id IS NOT NULL AND EXISTS (SELECT 1 FROM submission s WHERE s.id = stored_file.submission_id
                                                     AND s.student_id = (SELECT app_current_user())))
           OR (message_id IS NOT NULL AND EXISTS (SELECT 1 FROM message m WHERE m.id = stored_file.message_id)));
DROP POLICY stored_file_insert ON stored_file;
CREATE POLICY stored_file_insert ON stored_file FOR INSERT
    WITH CHECK ((SELECT app_platform_scope())
                OR (message_id IS NULL AND tenant_id = (SELECT app_current_tenant()))
                OR (submission_id IS NOT NULL AND uploaded_by = (SELECT app_current_user()) AND EXISTS (
                    SELECT 1 FROM submission s WHERE s.id = stored_file.submission_id AND s.student_id = (SELECT app_current_user())
                    AND s.tenant_id = stored_file.tenant_id))
                OR (message_id IS NOT NULL AND uploaded_by = (SELECT app_current_user()) AND EXISTS (
                    SELECT 1 FROM message m WHERE m.id = stored_file.message_id AND m.author_id = (SELECT app_current_user())
                    AND m.tenant_id = stored_file.tenant_id AND m.deleted_at IS NULL)));
DROP POLICY stored_file_delete ON stored_file;
CREATE POLICY stored_file_delete ON stored_file FOR DELETE
    USING ((SELECT app_platform_scope())
           OR (message_id IS NULL AND tenant_id = (SELECT app_current_tenant()))
           OR (message_id IS NOT NULL AND EXISTS (SELECT 1 FROM message m WHERE m.id = stored_file.message_id AND m.deleted_at IS NOT NULL)));
