-- Smoother forms and better tools for moderators (issue 14, items 3 and 4): a
-- moderator's question to an organisation that waits for approval, and the index the
-- audit log's type filter reads.  Applied by tools/kt-migrate in one transaction with
-- its record.

-- "Ask for more information" (src/kt_orgquestion.c): the question is mailed to the
-- organisation's main users and shown in their workspace, where one of them answers;
-- until then the organisation waits outside the moderation queue.  One question is
-- open at a time; the earlier ones stay as the conversation's record.  The texts follow
-- the rule of the form's validator (kt_valid_text: at most 2 000 characters, no control
-- characters but tab and line ends), so that what the form accepts is stored.
CREATE TABLE organisation_questions (
    id              bigserial PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    asked_at        timestamptz NOT NULL DEFAULT now(),
    asked_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    question        text NOT NULL
                    CHECK (length(question) BETWEEN 1 AND 2000
                           AND question !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]'),
    answered_at     timestamptz,
    answered_by     bigint REFERENCES users(id) ON DELETE SET NULL,
    answer          text
                    CHECK (length(answer) BETWEEN 1 AND 2000
                           AND answer !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]'),
    CHECK ((answered_at IS NULL) = (answer IS NULL)),
    CHECK (answered_at IS NULL OR answered_at >= asked_at)
);
CREATE UNIQUE INDEX organisation_questions_open ON organisation_questions (organisation_id)
    WHERE answered_at IS NULL;
CREATE INDEX organisation_questions_org ON organisation_questions (organisation_id, asked_at);

-- The audit log filtered by the type of object, newest first (GET /{lang}/moderation/log
-- ?type=…); the range of days alone reads audit_log_at.
CREATE INDEX audit_log_type_at ON audit_log (object_type, at DESC, id DESC);
