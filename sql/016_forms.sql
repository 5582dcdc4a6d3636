-- Smoother forms and better tools for moderators (issue 14, items 3 and 4): a
-- moderator's question to an organisation that waits for approval, and the index the
-- audit log's type filter reads.  Applied by tools/kt-migrate in one transaction with
-- its record.

-- "Ask for more information" (src/kt_orgquestion.c): the question is mailed to the
-- organisation's main users and shown in their workspace, where one of them answers;
-- until then the organisation waits outside the moderation queue.  One question is
-- open at a time; the earlier ones stay as the conversation's record.  The texts follow
-- the text rule of sql/009_accounts.sql (kt_text_ok, multi-line; the form's validator
-- kt_valid_text is the same rule) and are at most 2 000 characters, so that what the
-- form accepts is stored and nothing stored can make a page or a mail fail.
CREATE TABLE organisation_questions (
    id              bigserial PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    asked_at        timestamptz NOT NULL DEFAULT now(),
    asked_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    question        text NOT NULL
                    CHECK (length(question) BETWEEN 1 AND 2000 AND kt_text_ok(question, true)),
    answered_at     timestamptz,
    answered_by     bigint REFERENCES users(id) ON DELETE SET NULL,
    answer          text
                    CHECK (length(answer) BETWEEN 1 AND 2000 AND kt_text_ok(answer, true)),
    CHECK ((answered_at IS NULL) = (answer IS NULL)),
    CHECK (answered_at IS NULL OR answered_at >= asked_at)
);
CREATE UNIQUE INDEX organisation_questions_open ON organisation_questions (organisation_id)
    WHERE answered_at IS NULL;
CREATE INDEX organisation_questions_org ON organisation_questions (organisation_id, asked_at);

-- The audit log filtered by the type of object, newest first (GET /{lang}/moderation/log
-- ?type=…); the range of days alone reads audit_log_at.
CREATE INDEX audit_log_type_at ON audit_log (object_type, at DESC, id DESC);
