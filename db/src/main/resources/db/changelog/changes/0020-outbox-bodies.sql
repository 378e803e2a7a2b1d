--liquibase formatted sql

--changeset classentra:0020-blank-sent-email-bodies
--comment: From now on a queued body is stored encrypted and blanked once sent (OutboxBodies): a verification or reset
--comment: link is a credential. Blank what was sent before too. The table is FORCEd, so the owner acts in the platform scope.
SELECT set_config('app.platform_scope', 'on', true);
UPDATE email_outbox SET text_body = '', html_body = NULL WHERE status = 'SENT';
