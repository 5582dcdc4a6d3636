"""The migrations as an installation runs them (README, "Deploying under an existing httpd"):
by the role the site uses, which owns its database and is no superuser.  The test harness's
own role is a superuser, so without this test a migration needing more (CREATE EXTENSION of
an untrusted extension, a C function, ALTER SYSTEM, …) would pass every other test and fail
in production."""
import os
import pathlib
import subprocess

from conftest import PSQL_BIN

ROOT = pathlib.Path(__file__).resolve().parents[2]


def as_role(kt, role, sql):
    proc = subprocess.run([PSQL_BIN, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                           "-h", kt.pghost, "-p", str(kt.pgport), "-U", role, "-d", role],
                          input=sql, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_migrations_run_as_a_database_owner_without_superuser(kt, psql):
    role = "kt_owner_%d" % os.getpid()
    psql("CREATE ROLE %s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION" % role)
    try:
        psql("CREATE DATABASE %s OWNER %s" % (role, role))
        env = dict(os.environ, PGHOST=kt.pghost, PGPORT=str(kt.pgport), PGUSER=role,
                   PGDATABASE=role)
        for run in (1, 2):   # the second run finds everything applied
            proc = subprocess.run([str(ROOT / "tools" / "kt-migrate")], env=env,
                                  capture_output=True, text=True, timeout=600)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            assert ("applying" in proc.stdout) == (run == 1), proc.stdout
        files = sorted(p.name[:3] for p in (ROOT / "sql").glob("[0-9][0-9][0-9]_*.sql"))
        assert as_role(kt, role, "SELECT version FROM schema_migrations ORDER BY 1") == files
        assert as_role(kt, role, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user") \
            == ["f"]
        # the search's extensions are there, created by the owner (trusted extensions)
        assert as_role(kt, role, "SELECT e.extname FROM pg_extension e"
                                 " WHERE e.extowner = current_user::regrole"
                                 " ORDER BY 1") == ["pg_trgm", "unaccent"]
        # and what they serve works: accent-free words and near-misses
        assert as_role(kt, role, "SELECT unaccent('läksykerho') = 'laksykerho',"
                                 " similarity('kerho', 'kerhot') > 0.3") == ["t|t"]
    finally:
        psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % role)
        psql("DROP ROLE IF EXISTS %s" % role)
