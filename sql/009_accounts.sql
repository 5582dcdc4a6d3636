-- Accounts that cannot be taken over, abuse that costs the attacker (issue 10), and
-- people's own accounts and the contact form (issue 14).  Applied by tools/kt-migrate in
-- one transaction with its record.

-- === 1. One rule for the characters of stored text ===================================
-- The same rule as the module's one text validator (src/lib/kt_text.c,
-- kt_text_char_ok): what these refuse, the forms refuse first with a message.  The
-- classes are code points written out, not [[:cntrl:]] or [[:space:]], whose meaning
-- follows the database's locale (C.UTF-8 counts U+2028 as space but not as control; a
-- "C" database counts neither).
--   everywhere:  C0 controls, DEL and C1 U+0080-U+009F, the line and paragraph
--                separators U+2028 and U+2029, the deprecated format characters
--                U+206A-U+206F, U+FEFF, the interlinear annotations U+FFF9-U+FFFB,
--                the noncharacters U+FDD0-U+FDEF, U+FFFE, U+FFFF
--                (the format characters that right-to-left and joined scripts need
--                stay: U+200C-U+200F, U+202A-U+202E, U+2066-U+2069)
--   multi-line:  tab, line feed and carriage return are allowed
CREATE FUNCTION kt_text_class(multiline boolean) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN multiline THEN '[\x01-\x08\x0b\x0c\x0e-\x1f' ELSE '[\x01-\x1f' END
        || '\x7f-\x9f\u2028\u2029\u206a-\u206f\ufeff\ufff9-\ufffb'
        || '\ufdd0-\ufdef\ufffe\uffff]'
$$;

CREATE FUNCTION kt_text_ok(s text, multiline boolean) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT s !~ kt_text_class(multiline)
$$;

-- An email address as stored: at most 254 bytes, something on both sides of one @, no
-- character of the text rule above, no white space (Unicode White_Space) and no
-- invisible format character.  The form's validator (kt_valid_email) is stricter.
CREATE FUNCTION kt_email_ok(s text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT octet_length(s) <= 254 AND s ~ '^[^@]+@[^@]+$' AND kt_text_ok(s, false)
       AND s !~ '[\x09-\x0d\x20\x85\xa0\xad\u1680\u2000-\u200f\u2028\u2029\u202f\u205f-\u2064\u3000\ufeff]'
$$;

-- Rows written before this rule: what it refuses becomes a space (a line) or goes (a
-- multi-line text keeps its line breaks), so that every CHECK below holds and nothing
-- stored can make a later mail subject, page or feed fail.
CREATE FUNCTION kt_text_clean(s text, multiline boolean) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_replace(s, kt_text_class(multiline), ' ', 'g')
$$;

-- kt_text_checks('table', ARRAY['col', …], multiline): cleans the columns and adds one
-- CHECK (table_col_text) per column.  Only for this migration.
CREATE FUNCTION pg_temp.kt_text_checks(tbl text, cols text[], multiline boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY cols LOOP
        EXECUTE format('UPDATE %I SET %I = kt_text_clean(%I, %L) WHERE NOT kt_text_ok(%I, %L)',
                       tbl, c, c, multiline, c, multiline);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (kt_text_ok(%I, %L))',
                       tbl, tbl || '_' || c || '_text', c, multiline);
    END LOOP;
END
$$;

SELECT pg_temp.kt_text_checks('users', ARRAY['first_name', 'last_name', 'phone'], false);
SELECT pg_temp.kt_text_checks('organisations', ARRAY['name', 'registry_number', 'website'], false);
SELECT pg_temp.kt_text_checks('organisations',
                              ARRAY['description_fi', 'description_sv', 'description_en',
                                    'decision_reason'], true);
SELECT pg_temp.kt_text_checks('projects', ARRAY['name', 'funder', 'national_objective', 'url'],
                              false);
SELECT pg_temp.kt_text_checks('projects', ARRAY['description_fi', 'description_sv',
                                                'description_en'], true);
SELECT pg_temp.kt_text_checks('activities', ARRAY['decision_reason'], true);
SELECT pg_temp.kt_text_checks('activity_versions',
                              ARRAY['title_fi', 'title_sv', 'title_en', 'street_address',
                                    'post_office', 'contact_name', 'contact_email',
                                    'contact_phone', 'url'], false);
SELECT pg_temp.kt_text_checks('activity_versions',
                              ARRAY['description_fi', 'description_sv', 'description_en',
                                    'accessibility_fi', 'accessibility_sv', 'accessibility_en'],
                              true);
SELECT pg_temp.kt_text_checks('news', ARRAY['title_fi', 'title_sv', 'title_en'], false);
SELECT pg_temp.kt_text_checks('news', ARRAY['body_fi', 'body_sv', 'body_en'], true);
SELECT pg_temp.kt_text_checks('audit_log', ARRAY['reason'], true);
SELECT pg_temp.kt_text_checks('mail_outbox', ARRAY['subject'], false);

-- The locale-dependent checks of 005 give way to the explicit rule.
ALTER TABLE users DROP CONSTRAINT users_email_check;
ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (kt_email_ok(email));
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_recipient_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_recipient_check CHECK (kt_email_ok(recipient));
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_subject_check;

-- === 2. Registrations: the owner of the address decides ===============================
-- A registration does not set anyone's password.  Each one is kept here, with the
-- password (hashed) and names its registrant typed, until the address is confirmed:
-- the confirmation link proves the mailbox and the person types the password of their
-- own registration again (POST /{lang}/verify/{token}).  Whoever does both owns the
-- account with that registration's details; every other registration and link of the
-- address ends then.  Until that the account has no password ('!'), so nobody signs in
-- with what an earlier registrant typed.
CREATE TABLE registrations (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email         text NOT NULL CHECK (kt_email_ok(email)),
    first_name    text NOT NULL CHECK (kt_text_ok(first_name, false)),
    last_name     text NOT NULL CHECK (kt_text_ok(last_name, false)),
    phone         text CHECK (kt_text_ok(phone, false)),
    lang          text NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX registrations_user ON registrations(user_id, created_at DESC);

-- Accounts waiting for confirmation so far kept the registrant's password in users:
-- it moves into a registration (the link already mailed still works, with it).
INSERT INTO registrations (user_id, email, first_name, last_name, phone, lang, password_hash,
                           created_at, expires_at)
SELECT id, email, first_name, last_name, phone, lang, password_hash, created_at,
       now() + interval '48 hours'
  FROM users WHERE email_verified_at IS NULL AND password_hash <> '!';
UPDATE users SET password_hash = '!' WHERE email_verified_at IS NULL;

-- Links: also a change of address ('email', to new_email, confirmed from it).
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens
    ADD CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('verify', 'reset', 'email')),
    ADD COLUMN new_email text CHECK (kt_email_ok(new_email)),
    ADD CONSTRAINT account_tokens_new_email CHECK ((purpose = 'email') = (new_email IS NOT NULL));

-- People's own settings and the account that was deleted (issue 14): the language of
-- emails once chosen is no longer the one of the last sign-in; a deleted account keeps
-- its row (audit lines and listings point at it) with a pseudonym and nothing personal.
ALTER TABLE users
    ADD COLUMN lang_chosen boolean NOT NULL DEFAULT false,
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN pseudonym text CHECK (pseudonym ~ '^[0-9a-f]{12}$'),
    ADD CONSTRAINT users_deleted_pseudonym CHECK ((deleted_at IS NULL) = (pseudonym IS NULL));

-- === 3. Throttles counted before the work ==============================================
-- Sign-in (src/kt_throttle.c): every attempt is counted, in one statement, before its
-- password is checked; counted_by is the transaction that counted the row last, which is
-- how that statement tells an attempt it counted (and may be judged) from one it
-- refused because a lock held.  However many arrive at once, at most the limit pass.
ALTER TABLE login_throttle ADD COLUMN counted_by xid8;

-- Everything else that costs us work or sends mail (registration, reset and
-- confirmation links, the contact form, changes of address): at most a number of hits a
-- window per action and key (a client address, or lower() of a target address), counted
-- in the statement that decides.  Any httpd node sees the same counts.
CREATE TABLE rate_limits (
    action       text NOT NULL CHECK (action ~ '^[a-z_]+$'),
    key          text NOT NULL,
    window_start timestamptz NOT NULL DEFAULT now(),
    hits         integer NOT NULL DEFAULT 1 CHECK (hits >= 0),
    PRIMARY KEY (action, key)
);
CREATE INDEX rate_limits_window ON rate_limits(window_start);

-- The anonymous CSRF token is an HMAC under this secret (src/kt_csrf.c), not a hash of
-- the cookie alone.  One row, made as 004 makes the feed's.
CREATE TABLE csrf_secret (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    secret   bytea NOT NULL CHECK (length(secret) >= 16)
);
INSERT INTO csrf_secret (secret)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- === 4. Business IDs: held by approved and pending organisations only ==================
-- A rejected organisation (or a pending claim a moderator released, which rejects it)
-- no longer keeps the real organisation from registering.
ALTER TABLE organisations DROP CONSTRAINT organisations_business_id_key;
CREATE UNIQUE INDEX organisations_business_id_held ON organisations(business_id)
    WHERE status IN ('pending', 'approved');

-- === 5. Profile changes of an approved organisation wait for a moderator ===============
-- The organisations row is what the public sees.  A main user's edit of an approved
-- organisation is a version here: state 'submitted' while it waits (saved over until a
-- moderator decides), then 'approved' (copied into organisations) or 'rejected' (with
-- the reason).  Versions are history, as activity_versions are: the shape a generic
-- lifecycle (ARCHITECTURE.md, "one lifecycle") can take over.
CREATE TABLE organisation_versions (
    organisation_id   bigint NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    version           integer NOT NULL CHECK (version >= 1),
    state             text NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected')),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 300
                                           AND kt_text_ok(name, false)),
    registry_number   text CHECK (kt_text_ok(registry_number, false)),
    municipality_code char(3) REFERENCES municipalities(code),
    website           text CHECK (kt_text_ok(website, false)),
    description_fi    text CHECK (kt_text_ok(description_fi, true)),
    description_sv    text CHECK (kt_text_ok(description_sv, true)),
    description_en    text CHECK (kt_text_ok(description_en, true)),
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    submitted_at      timestamptz NOT NULL DEFAULT now(),
    decided_at        timestamptz,
    decided_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    decision_reason   text CHECK (kt_text_ok(decision_reason, true)),
    PRIMARY KEY (organisation_id, version),
    CHECK ((state = 'submitted') = (decided_at IS NULL))
);
-- At most one waits per organisation; the moderation queue reads them oldest first.
CREATE UNIQUE INDEX organisation_versions_waiting ON organisation_versions(organisation_id)
    WHERE state = 'submitted';
CREATE INDEX organisation_versions_queue ON organisation_versions(submitted_at)
    WHERE state = 'submitted';

-- === 6. The contact form (issue 14) =======================================================
-- Feedback to the moderators, also the accessibility statement's feedback channel.  Each
-- message is mailed to the moderators through the outbox and listed in /moderation
-- until one marks it handled.
CREATE TABLE contact_messages (
    id          bigserial PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    lang        text NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
    topic       text NOT NULL CHECK (topic IN ('general', 'accessibility', 'organisation',
                                                'listing', 'account', 'privacy')),
    name        text CHECK (length(name) <= 200 AND kt_text_ok(name, false)),
    email       text CHECK (kt_email_ok(email)),
    message     text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000
                                     AND kt_text_ok(message, true)),
    user_id     bigint REFERENCES users(id) ON DELETE SET NULL,
    handled_at  timestamptz,
    handled_by  bigint REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX contact_messages_open ON contact_messages(created_at) WHERE handled_at IS NULL;
CREATE INDEX contact_messages_user ON contact_messages(user_id);
