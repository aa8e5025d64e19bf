-- One conversation per candidate and recruiter, keyed candidate first: lookups by candidate
-- (erase, merge) use it, and a recruiter's list no longer competes with it for the
-- (recruiter_id, last_activity_at DESC, id DESC) index that reads a page in order.
ALTER TABLE msg_conversation DROP CONSTRAINT msg_conversation_pair;
ALTER TABLE msg_conversation ADD CONSTRAINT msg_conversation_pair UNIQUE (candidate_id, recruiter_id);
DROP INDEX msg_conversation_candidate;
