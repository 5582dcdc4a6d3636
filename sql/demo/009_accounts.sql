-- Demo data for accounts, profile changes and the contact form (issues 10 and 14), loaded
-- after demo.sql.  The links below are fixed so that the browser gate can open them
-- (tests/browser/pages.d/accounts.json); only their SHA-256 is stored, as always.
BEGIN;

-- user 5: registered twice (by Riikka, and a day earlier by someone else), the address
-- not confirmed yet.  Since more than one person registered it, the link
--   /{lang}/verify/DemoVerifyLink00000000000000000000000000000
-- asks for the password of the registrant's own registration (Riikka's:
-- demo-salasana-2026).
INSERT INTO users (id, email, first_name, last_name, password_hash, lang, created_at) VALUES
    (5, 'rekisteroitynyt@example.org', '', '', '!', 'fi', '2026-12-01 10:00:00+02');
INSERT INTO registrations (user_id, email, first_name, last_name, lang, password_hash,
                           created_at, expires_at) VALUES
    (5, 'rekisteroitynyt@example.org', 'Riikka', 'Rekisteröitynyt', 'fi',
     '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-12-01 10:00:00+02', '2099-01-01 00:00:00+02'),
    (5, 'rekisteroitynyt@example.org', 'Ville', 'Vieras', 'fi', '!',
     '2026-11-30 10:00:00+02', '2099-01-01 00:00:00+02');
INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES
    (sha256(convert_to('DemoVerifyLink00000000000000000000000000000', 'UTF8')), 5, 'verify',
     '2026-12-01 10:00:00+02', '2099-01-01 00:00:00+02');

-- user 3 (jasen@example.org) has asked to change the address; the link
--   /{lang}/account/email/DemoEmailChangeLink000000000000000000000000
-- opened while signed in as user 3 confirms it.
INSERT INTO account_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at) VALUES
    (sha256(convert_to('DemoEmailChangeLink000000000000000000000000', 'UTF8')), 3, 'email',
     'jaana.jasen@example.org', '2026-12-02 09:00:00+02', '2099-01-01 00:00:00+02');

-- user 6 is the main user of organisation 91, approved, whose change of profile waits for
-- a moderator: the public page shows the approved profile meanwhile.
INSERT INTO users (id, email, first_name, last_name, phone, password_hash, email_verified_at,
                   lang, terms_accepted_at, created_at) VALUES
    (6, 'yhdistys@example.org', 'Ylva', 'Yhdistys', NULL,
     '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-03-01 09:00:00+02', 'fi', '2026-03-01 09:00:00+02', '2026-03-01 09:00:00+02');
INSERT INTO organisations (id, name, type, business_id, registry_number, municipality_code,
                           website, description_fi, status, created_at, approved_at, updated_at,
                           created_by) VALUES
    (91, 'Kielikahvila Kompassi ry', 'association', '9900910-0', '100.291', '853',
     'https://example.org/org-91', 'Keskustelukahvila suomen harjoittelijoille Turussa.',
     'approved', '2026-03-01 09:10:00+02', '2026-03-02 12:00:00+02', '2026-03-02 12:00:00+02', 6);
INSERT INTO memberships (user_id, organisation_id, role, status, created_at, decided_at) VALUES
    (6, 91, 'main', 'active', '2026-03-01 09:10:00+02', '2026-03-01 09:10:00+02');
INSERT INTO organisation_versions (organisation_id, version, state, name, registry_number,
                                   municipality_code, website, description_fi, created_by,
                                   created_at, submitted_at) VALUES
    (91, 1, 'submitted', 'Kielikahvila Kompassi – Språkcafé Kompassen ry', '100.291', '853',
     'https://example.org/kompassi',
     'Keskustelukahvila suomen ja ruotsin harjoittelijoille Turussa ja Kaarinassa.', 6,
     '2026-12-03 08:00:00+02', '2026-12-03 08:00:00+02');
INSERT INTO audit_log (at, actor_id, action, object_type, object_id) VALUES
    ('2026-03-01 09:10:00+02', 6, 'organisation.register', 'organisation', 91),
    ('2026-03-02 12:00:00+02', 1, 'organisation.approve', 'organisation', 91),
    ('2026-12-03 08:00:00+02', 6, 'organisation.edit_submit', 'organisation', 91);

-- Contact messages: one waiting for a moderator, one handled.
INSERT INTO contact_messages (id, created_at, lang, topic, name, email, message, handled_at,
                              handled_by) VALUES
    (1, '2026-12-04 11:20:00+02', 'sv', 'accessibility', 'Sara Svensson', 'sara@example.org',
     E'Sökformulärets felmeddelande läses inte upp av min skärmläsare.\n\nJag använder NVDA med Firefox.',
     NULL, NULL),
    (2, '2026-11-20 15:00:00+02', 'fi', 'listing', NULL, NULL,
     'Kerhon osoite on muuttunut, ilmoituksessa on vielä vanha osoite.',
     '2026-11-21 09:00:00+02', 1);
INSERT INTO audit_log (at, actor_id, action, object_type, object_id) VALUES
    ('2026-11-21 09:00:00+02', 1, 'contact.handled', 'contact', 2);

DO $$
BEGIN
    PERFORM setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
    PERFORM setval(pg_get_serial_sequence('organisations', 'id'),
                   (SELECT max(id) FROM organisations));
    PERFORM setval(pg_get_serial_sequence('contact_messages', 'id'),
                   (SELECT max(id) FROM contact_messages));
END
$$;

COMMIT;
