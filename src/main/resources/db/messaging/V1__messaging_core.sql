-- The messaging plugin's own tables (prefix msg_), on H2 and PostgreSQL alike.
-- Ids come from sequences in steps of 50 so Hibernate can hand them out without a round trip each.

CREATE SEQUENCE msg_conversation_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE msg_message_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE msg_consent_event_seq START WITH 1 INCREMENT BY 50;

-- One conversation per recruiter and candidate. unread_count is kept in the same transaction
-- as the messages (never counted on a page load).
CREATE TABLE msg_conversation (
    id               BIGINT        NOT NULL PRIMARY KEY,
    recruiter_id     VARCHAR(64)   NOT NULL,
    candidate_id     VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_activity_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_message_id  BIGINT,
    unread_count     INTEGER       NOT NULL,
    CONSTRAINT msg_conversation_pair UNIQUE (recruiter_id, candidate_id)
);
-- "My conversations, most recent activity first", walked by keyset (last_activity_at, id).
CREATE INDEX msg_conversation_recent ON msg_conversation (recruiter_id, last_activity_at, id);
CREATE INDEX msg_conversation_candidate ON msg_conversation (candidate_id);

CREATE TABLE msg_message (
    id               BIGINT        NOT NULL PRIMARY KEY,
    conversation_id  BIGINT        NOT NULL REFERENCES msg_conversation (id),
    candidate_id     VARCHAR(64)   NOT NULL,
    direction        VARCHAR(10)   NOT NULL,
    channel          VARCHAR(10)   NOT NULL,
    subject          VARCHAR(1000),
    body             VARCHAR(200000) NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    error_code       VARCHAR(64),
    error_message    VARCHAR(1000),
    author_id        VARCHAR(64),
    author_name      VARCHAR(200),
    provider_id      VARCHAR(255),
    erased           BOOLEAN       NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT msg_message_direction CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    CONSTRAINT msg_message_status CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'RECEIVED')),
    -- A provider's id (Twilio MessageSid, email Message-ID), namespaced by channel: a redelivery stores nothing new.
    CONSTRAINT msg_message_provider UNIQUE (provider_id)
);
-- Histories are walked by keyset (created_at, id): ids alone are not time-ordered across nodes.
CREATE INDEX msg_message_conversation ON msg_message (conversation_id, created_at, id);
CREATE INDEX msg_message_candidate ON msg_message (candidate_id, created_at, id);
CREATE INDEX msg_message_status ON msg_message (status, id);

-- Unread inbound messages over all of a recruiter's conversations: GET /unread reads one row.
CREATE TABLE msg_recruiter_unread (
    recruiter_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    unread_count     BIGINT        NOT NULL
);

-- A retried send with the same Idempotency-Key returns the first result.
CREATE TABLE msg_idempotency_key (
    recruiter_id     VARCHAR(64)   NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     VARCHAR(64)   NOT NULL,
    message_id       BIGINT        NOT NULL REFERENCES msg_message (id),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (recruiter_id, idempotency_key)
);

-- SMS opt-outs the plugin learned (keywords, carrier errors); the host's opt-in is the other half.
CREATE TABLE msg_sms_consent (
    candidate_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    opted_out        BOOLEAN       NOT NULL,
    changed_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Append-only trail of consent changes: who or what changed it, when.
CREATE TABLE msg_consent_event (
    id               BIGINT        NOT NULL PRIMARY KEY,
    candidate_id     VARCHAR(64)   NOT NULL,
    channel          VARCHAR(10)   NOT NULL,
    consent_change   VARCHAR(20)   NOT NULL,
    source           VARCHAR(40)   NOT NULL,
    detail           VARCHAR(500),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX msg_consent_event_candidate ON msg_consent_event (candidate_id, id);
