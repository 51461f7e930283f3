-- Issue 5: a discussion thread per case, and each person's inbox (mentions, assignments).

CREATE SEQUENCE case_note_seq START WITH 50 INCREMENT BY 50;

-- Notes are never edited or deleted; the version column only follows the rule that every
-- entity has one.
CREATE TABLE case_note (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    case_id     BIGINT        NOT NULL REFERENCES fact_case (id),
    author      VARCHAR(64)   NOT NULL,
    body        VARCHAR(5000) NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_note_thread ON case_note (case_id, written_at, id);

CREATE SEQUENCE inbox_entry_seq START WITH 50 INCREMENT BY 50;

-- No CHECK on kind: the next workflow steps (review requested, approved, ...) add kinds with a
-- new enum constant only.
CREATE TABLE inbox_entry (
    id          BIGINT       NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    recipient   VARCHAR(64)  NOT NULL REFERENCES account (username),
    kind        VARCHAR(30)  NOT NULL,
    case_id     BIGINT       NOT NULL REFERENCES fact_case (id),
    note_id     BIGINT       REFERENCES case_note (id),
    actor       VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);
-- the inbox page (newest first) and the header badge (COUNT of unread) of one person
CREATE INDEX inbox_entry_newest ON inbox_entry (recipient, id);
CREATE INDEX inbox_entry_unread ON inbox_entry (recipient, read_at);
CREATE INDEX inbox_entry_case ON inbox_entry (case_id);
CREATE INDEX inbox_entry_note ON inbox_entry (note_id);
