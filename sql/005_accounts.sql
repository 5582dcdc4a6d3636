-- Accounts and organisations (issue 4): email tokens, login throttling, the mail
-- outbox, the main-user rule, and what moderation decisions need.
-- Applied by tools/kt-migrate in one transaction with its schema_migrations record.

-- The language people read our emails in: the one they used on the site last.
ALTER TABLE users
    ADD COLUMN lang text NOT NULL DEFAULT 'fi' CHECK (lang IN ('fi', 'sv', 'en')),
    ADD COLUMN terms_accepted_at timestamptz,
    ADD COLUMN password_changed_at timestamptz;
ALTER TABLE users ADD CHECK (email !~ '[[:space:][:cntrl:]]' AND length(email) <= 254);

-- Who registered an organisation, and why a moderator rejected it (shown to its
-- main user; the audit log keeps every decision as well).
ALTER TABLE organisations
    ADD COLUMN created_by bigint REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN decision_reason text;
CREATE INDEX organisations_pending ON organisations(created_at) WHERE status = 'pending';

-- Single-use links we email: address verification and password reset.  As with
-- sessions, only a hash of the token is stored.
CREATE TABLE account_tokens (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('verify', 'reset')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_tokens_user ON account_tokens(user_id, purpose);

-- Failed sign-ins, per account (the lower-cased address typed, whether or not an
-- account has it, so that locking tells nothing) and per client address.  In the
-- database, not in httpd: every node behind a load balancer sees the same counts.
CREATE TABLE login_throttle (
    kind             text NOT NULL CHECK (kind IN ('account', 'address')),
    key              text NOT NULL,
    failures         integer NOT NULL DEFAULT 0,
    last_failure_at  timestamptz NOT NULL DEFAULT now(),
    locked_until     timestamptz,
    PRIMARY KEY (kind, key)
);

-- Mail is written here in the transaction of the change that causes it and
-- delivered by `kt-admin send-mail`: nothing is lost while delivery is down.
CREATE TABLE mail_outbox (
    id              bigserial PRIMARY KEY,
    created_at      timestamptz NOT NULL DEFAULT now(),
    kind            text NOT NULL,            -- verify, reset, … (for tests and operators)
    recipient       text NOT NULL CHECK (recipient !~ '[[:space:][:cntrl:]]'),
    lang            text NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
    subject         text NOT NULL CHECK (subject !~ '[[:cntrl:]]'),
    body            text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    sent_at         timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE status = 'pending';

-- Wakes a waiting `kt-admin send-mail` as soon as the writing transaction commits.
CREATE FUNCTION kt_mail_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kt_mail', NEW.id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER mail_outbox_notify AFTER INSERT ON mail_outbox
    FOR EACH ROW EXECUTE FUNCTION kt_mail_notify();

-- The person a membership decision is about (the actor is actor_id).
ALTER TABLE audit_log ADD COLUMN subject_user_id bigint REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX audit_log_at ON audit_log(at DESC, id DESC);

CREATE INDEX sessions_expires ON sessions(expires_at);

-- An organisation with members always keeps at least one active main user.  The
-- handlers check it before they write; this is the guard that makes it true even
-- for a bug or a hand-written UPDATE.  Deferred, so that handing the role on
-- (two UPDATEs) is checked once, at commit.
CREATE FUNCTION kt_memberships_keep_main() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM memberships WHERE organisation_id = OLD.organisation_id)
       AND NOT EXISTS (SELECT 1 FROM memberships
                        WHERE organisation_id = OLD.organisation_id
                          AND role = 'main' AND status = 'active') THEN
        RAISE EXCEPTION 'organisation % would have no main user', OLD.organisation_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER memberships_keep_main AFTER UPDATE OR DELETE ON memberships
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kt_memberships_keep_main();
