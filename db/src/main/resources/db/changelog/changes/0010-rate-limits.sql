--liquibase formatted sql

--changeset classentra:0010-rate-limits
--comment: Token buckets of the rate limits (Bucket4j's PostgreSQL proxy manager), shared by every app node.
--comment: Platform-wide, no tenant. id = rule, limit and sha256 of the key (IP address or account), never the raw
--comment: value; expires_at (epoch milliseconds) is when the bucket is full again, after which the row is purged.
--comment: Bucket4j inserts a placeholder row without expires_at before it locks it: the default 0 keeps even a
--comment: placeholder left behind by a crash purgeable.
CREATE TABLE rate_limit_bucket (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint NOT NULL DEFAULT 0
);
CREATE INDEX rate_limit_bucket_expires_at_idx ON rate_limit_bucket (expires_at);
