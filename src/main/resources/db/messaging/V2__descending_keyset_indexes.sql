-- Lists are read newest first: indexes in that order let the database stop after one page
-- instead of reading and sorting all of a recruiter's conversations or a conversation's messages.
DROP INDEX msg_conversation_recent;
CREATE INDEX msg_conversation_recent ON msg_conversation (recruiter_id, last_activity_at DESC, id DESC);
DROP INDEX msg_message_conversation;
CREATE INDEX msg_message_conversation ON msg_message (conversation_id, created_at DESC, id DESC);
DROP INDEX msg_message_candidate;
CREATE INDEX msg_message_candidate ON msg_message (candidate_id, created_at DESC, id DESC);
