-- Issue 5: evidence attachments, stored once per content (content-addressed by SHA-256).
-- A row never changes after it is written; evidence items refer to it by sha256.
-- BYTEA is VARBINARY on H2 and bytea on PostgreSQL; TEXT is CLOB on H2 and text on PostgreSQL.

CREATE TABLE attachment_file (
    sha256          CHAR(64)      NOT NULL PRIMARY KEY,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    content         BYTEA         NOT NULL,
    -- NULL when the type has no text (images) or extraction failed or ran out of time
    extracted_text  TEXT,
    stored_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attachment_file_size_positive CHECK (size_bytes > 0)
);
