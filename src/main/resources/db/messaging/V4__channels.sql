-- Channels: the outbox's bookkeeping on messages, reply routing, notifications, unrouted inbound.

-- Outbox: a QUEUED message is due at next_attempt_at; a claimed one is SENDING until lease_until.
-- A lease that runs out means the node died mid-send: the message is reconciled, never blindly resent.
ALTER TABLE msg_message ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE msg_message ADD COLUMN next_attempt_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE msg_message ADD COLUMN lease_until TIMESTAMP(6) WITH TIME ZONE;
-- The addresses a message travelled between (email address or E.164 number), for routing replies.
ALTER TABLE msg_message ADD COLUMN from_address VARCHAR(320);
ALTER TABLE msg_message ADD COLUMN to_address VARCHAR(320);
-- Inbound auto-replies (out of office, lists) are kept but do not notify or count unread.
ALTER TABLE msg_message ADD COLUMN auto_reply BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE msg_message SET next_attempt_at = created_at WHERE status = 'QUEUED';
CREATE INDEX msg_message_due ON msg_message (status, next_attempt_at);
-- "The conversation that most recently texted this number from this sender".
CREATE INDEX msg_message_route ON msg_message (to_address, from_address, created_at);

-- The raw MIME of an inbound email, kept beside the cleaned-up bubble text.
CREATE TABLE msg_inbound_raw (
    message_id       BIGINT        NOT NULL PRIMARY KEY REFERENCES msg_message (id),
    raw_mime         VARCHAR(1000000) NOT NULL,
    truncated        BOOLEAN       NOT NULL
);

-- The plus-address token of a conversation's reply address (replies+TOKEN@domain).
ALTER TABLE msg_conversation ADD COLUMN reply_token VARCHAR(40);
CREATE UNIQUE INDEX msg_conversation_reply_token ON msg_conversation (reply_token);
-- Recruiter notifications: the first reply at once, later ones batched.
ALTER TABLE msg_conversation ADD COLUMN notify_pending BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE msg_conversation ADD COLUMN notified_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX msg_conversation_notify ON msg_conversation (notify_pending);

-- Inbound messages no conversation could take (unknown number or address), for administrators.
CREATE SEQUENCE msg_unrouted_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE msg_unrouted_inbound (
    id               BIGINT        NOT NULL PRIMARY KEY,
    channel          VARCHAR(10)   NOT NULL,
    from_address     VARCHAR(320)  NOT NULL,
    to_address       VARCHAR(320),
    subject          VARCHAR(1000),
    body             VARCHAR(200000) NOT NULL,
    provider_id      VARCHAR(255)  NOT NULL,
    candidate_id     VARCHAR(64),
    received_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT msg_unrouted_provider UNIQUE (provider_id)
);
