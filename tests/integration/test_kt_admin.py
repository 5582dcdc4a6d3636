"""tools/kt-admin: delivering the mail outbox through a sendmail program (with retries), making
moderators without a prompt, cleaning up what expired."""
import os
import pathlib
import stat
import subprocess

import pytest

from kt_accounts import Person, clear_throttle, last_mail, make_user, page, unique_email
from conftest import kt_env

ROOT = pathlib.Path(__file__).resolve().parents[2]
KT_ADMIN = ROOT / "build" / "kt-admin"


def kt_admin(*args, env_extra=None, check=True):
    env = kt_env()
    run_env = dict(os.environ, PGHOST=env.pghost, PGPORT=str(env.pgport), PGUSER=env.pguser,
                   PGDATABASE=env.pgdatabase)
    run_env.pop("KT_ADMIN_PASSWORD", None)
    run_env.update(env_extra or {})
    proc = subprocess.run([str(KT_ADMIN), *args], capture_output=True, text=True, timeout=60,
                          env=run_env)
    if check:
        assert proc.returncode == 0, (proc.returncode, proc.stdout, proc.stderr)
    return proc


@pytest.fixture
def fake_sendmail(tmp_path):
    """A sendmail that appends its arguments and message to a file (or fails, if asked)."""
    out = tmp_path / "sent.txt"
    script = tmp_path / "sendmail"
    script.write_text('#!/bin/sh\n[ -e "%s" ] && { cat >/dev/null; exit 75; }\n'
                      'printf "ARGS %%s\\n" "$*" >>"%s"\ncat >>"%s"\nprintf "\\n--END--\\n" >>"%s"\n'
                      % (tmp_path / "fail", out, out, out))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, out, tmp_path / "fail"


def queue_mail(psql_value, to, subject="Vahvista sähköpostiosoitteesi", body="Hei,\n\nlinkki"):
    return psql_value("INSERT INTO mail_outbox (kind, recipient, lang, subject, body)"
                      " VALUES ('test', :'t', 'fi', :'s', :'b') RETURNING id",
                      t=to, s=subject, b=body)


def test_send_mail_delivers_the_outbox(psql, psql_value, fake_sendmail):
    script, out, _ = fake_sendmail
    to = unique_email("mail")
    mid = queue_mail(psql_value, to)
    kt_admin("send-mail", "--once", "--sendmail", str(script), "--from", "Tuki <tuki@example.org>")
    assert psql("SELECT status, attempts::text, last_error FROM mail_outbox WHERE id = :'i'",
                i=mid) == [("sent", "1", None)]
    text = out.read_text()
    assert "ARGS -i -- %s" % to in text
    message = text[text.index("ARGS -i -- %s" % to):].split("--END--")[0]
    assert "\nTo: %s\n" % to in message and "From: Tuki <tuki@example.org>" in message
    assert "Subject: =?UTF-8?B?" in message          # encoded: the subject is not ASCII
    assert "Content-Type: text/plain; charset=utf-8" in message
    assert message.rstrip().endswith("Hei,\n\nlinkki")
    # sent is sent: a second run does not send it again
    kt_admin("send-mail", "--once", "--sendmail", str(script))
    assert out.read_text().count("ARGS -i -- %s" % to) == 1


def test_send_mail_retries_and_gives_up(psql, psql_value, fake_sendmail):
    script, out, fail = fake_sendmail
    fail.write_text("")
    mid = queue_mail(psql_value, unique_email("retry"))
    proc = kt_admin("send-mail", "--once", "--sendmail", str(script))
    assert "not sent" in proc.stderr
    row = psql("SELECT status, attempts::text, last_error IS NOT NULL,"
               " next_attempt_at > now() + interval '50 seconds' FROM mail_outbox WHERE id = :'i'",
               i=mid)
    assert row == [("pending", "1", "t", "t")]
    # not due yet: nothing happens
    kt_admin("send-mail", "--once", "--sendmail", str(script))
    assert psql_value("SELECT attempts FROM mail_outbox WHERE id = :'i'", i=mid) == "1"
    # the last attempt fails for good
    psql("UPDATE mail_outbox SET attempts = 11, next_attempt_at = now() WHERE id = :'i'", i=mid)
    kt_admin("send-mail", "--once", "--sendmail", str(script))
    assert psql_value("SELECT status FROM mail_outbox WHERE id = :'i'", i=mid) == "failed"
    # delivery back: a pending mail goes out
    fail.unlink()
    psql("UPDATE mail_outbox SET next_attempt_at = now(), status = 'pending', attempts = 1"
         " WHERE id = :'i'", i=mid)
    kt_admin("send-mail", "--once", "--sendmail", str(script))
    assert psql_value("SELECT status FROM mail_outbox WHERE id = :'i'", i=mid) == "sent"


def test_create_moderator_with_a_password_from_the_environment(base_url, psql_value):
    email = unique_email("mod")
    proc = kt_admin("create-moderator", email, "--first", "Maija", "--last", "Moderaattori",
                    env_extra={"KT_ADMIN_PASSWORD": "pitkä ja hyvä moderaattorin salasana"})
    assert "is a moderator" in proc.stdout and "password" not in proc.stdout.lower()
    clear_throttle()
    p = Person(base_url)
    p.sign_in(email, "pitkä ja hyvä moderaattorin salasana")
    assert p.get("/fi/moderation").status_code == 200
    assert psql_value("SELECT count(*) FROM audit_log WHERE action = 'user.make_moderator'"
                      " AND object_id = (SELECT id FROM users WHERE email = :'e')", e=email) == "1"


def test_create_moderator_refuses_a_weak_password():
    proc = kt_admin("create-moderator", unique_email("weak"), check=False,
                    env_extra={"KT_ADMIN_PASSWORD": "password1234"})
    assert proc.returncode == 2 and "too easy" in proc.stderr


def test_create_moderator_prints_a_one_time_link(base_url, psql_value):
    uid, email = make_user()
    proc = kt_admin("create-moderator", email, "--base-url", base_url + "/", "--lang", "sv")
    link = proc.stdout.split("once: ")[1].strip()
    assert link.startswith(base_url + "/sv/password-reset/")
    assert psql_value("SELECT is_moderator FROM users WHERE id = :'u'", u=uid) == "t"
    path = link[len(base_url):]
    p = Person(base_url)
    assert p.submit(path, password="nytt långt lösenord för moderatorn").status_code == 303
    assert p.get(path).status_code == 404
    clear_throttle()
    Person(base_url).sign_in(email, "nytt långt lösenord för moderatorn")


def test_bad_usage():
    assert kt_admin("create-moderator", "not-an-email", check=False).returncode == 2
    assert kt_admin("frobnicate", check=False).returncode == 2
    assert kt_admin("--db", "host=/nonexistent", "cleanup", check=False).returncode == 1


def test_cleanup_removes_what_expired(psql, psql_value):
    uid, _ = make_user()
    psql("INSERT INTO sessions (token_hash, user_id, csrf_secret, expires_at)"
         " VALUES (sha256('old'::bytea), :'u', '\\x00', now() - interval '1 hour')", u=uid)
    kt_admin("cleanup")
    assert psql_value("SELECT count(*) FROM sessions WHERE token_hash = sha256('old'::bytea)") == "0"
