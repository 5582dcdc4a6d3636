"""The test harness itself: servers up, static files served, migrations recorded."""

import mimetypes
import pathlib

import pytest

STATIC = pathlib.Path(__file__).resolve().parents[2] / "static"


def test_health_answers_ok(http):
    r = http.get("/health")
    assert r.status_code == 200
    assert r.text.strip() == "ok"


def _a_static_file():
    preferred = STATIC / "site.css"
    if preferred.is_file():
        return preferred
    files = sorted(p for p in STATIC.rglob("*") if p.is_file() and not p.name.startswith("."))
    return files[0] if files else None


def test_static_files_come_from_disk(http):
    path = _a_static_file()
    if path is None:
        pytest.skip("static/ holds no file yet")
    r = http.get("/static/" + path.relative_to(STATIC).as_posix())
    assert r.status_code == 200
    assert r.content == path.read_bytes()
    expected_type = "text/css" if path.suffix == ".css" else mimetypes.guess_type(path.name)[0]
    if expected_type:
        assert r.headers["Content-Type"].split(";")[0].strip() == expected_type
    assert r.headers.get("X-Content-Type-Options") == "nosniff"


def test_migrations_recorded(psql):
    versions = {row[0] for row in psql("SELECT version FROM schema_migrations")}
    assert {"001", "002"} <= versions


def test_psql_helper(psql, psql_value):
    # Values travel as psql variables, quoted by psql, never pasted into the SQL.
    assert psql_value("SELECT :'v'::text", v="it's; DROP TABLE x") == "it's; DROP TABLE x"
    assert psql("SELECT 'a', NULL::text, E'two\\nlines' UNION ALL SELECT 'b', '', 'c'") == [
        ("a", None, "two\nlines"),
        ("b", "", "c"),
    ]
    assert psql("CREATE TEMP TABLE t (x int); INSERT INTO t VALUES (1)") == []
