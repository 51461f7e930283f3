-- ClaimDesk foundation: accounts, roles, API tokens, articles.
-- Written once for H2 and PostgreSQL: sequences (not IDENTITY), standard types only.
-- Sequences start at their increment: EclipseLink hands out (value - 50, value].

CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE article_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account (
    id              BIGINT       NOT NULL PRIMARY KEY,
    version         BIGINT       NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(400) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    locale          VARCHAR(8),
    failed_logins   INTEGER      NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    last_login_at   TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_username_unique UNIQUE (username)
);

CREATE TABLE account_role (
    account_id  BIGINT      NOT NULL REFERENCES account (id),
    role        VARCHAR(32) NOT NULL,
    CONSTRAINT account_role_pk PRIMARY KEY (account_id, role),
    CONSTRAINT account_role_known CHECK (role IN ('FACT_CHECKER', 'SUPERVISOR', 'AUDITOR', 'ADMIN'))
);

CREATE TABLE api_token (
    id             BIGINT       NOT NULL PRIMARY KEY,
    version        BIGINT       NOT NULL,
    owner          VARCHAR(64)  NOT NULL REFERENCES account (username),
    name           VARCHAR(100) NOT NULL,
    secret_hash    VARCHAR(64)   NOT NULL,
    secret_prefix  VARCHAR(12)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_secret_unique UNIQUE (secret_hash)
);
CREATE INDEX api_token_owner ON api_token (owner);

CREATE TABLE article (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       BIGINT        NOT NULL,
    title         VARCHAR(500)  NOT NULL,
    outlet        VARCHAR(200),
    url           VARCHAR(2000),
    language      VARCHAR(8)    NOT NULL,
    published_on  DATE,
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by   VARCHAR(64)   NOT NULL,
    media_type    VARCHAR(100)  NOT NULL,
    sha256        VARCHAR(64)    NOT NULL,
    original      BYTEA         NOT NULL,
    reading_text  TEXT          NOT NULL,
    CONSTRAINT article_sha256_unique UNIQUE (sha256)
);
CREATE INDEX article_imported_at ON article (imported_at DESC, id DESC);
