"""README.md's "Deploying under an existing httpd", followed as a sysadmin would on
Debian 12, beside another site on the same port — in a scratch root, never the
machine's own /etc/apache2, apache2 service or PostgreSQL cluster:

* `make install DESTDIR=…` into a root holding a copy of /etc/apache2;
* `a2enmod kotoutuminen`, the site file copied to sites-available and `a2ensite`,
  `apachectl configtest`, `apachectl graceful` (APACHE_CONFDIR points them at the copy);
* a PostgreSQL cluster configured as Debian's (`peer` on the socket, a password over
  TCP), the role and database made with the README's commands, `kt-migrate` run as
  www-data applying the installed migrations;
* Debian's apache2 started on that tree (envvars with its run, lock and log
  directories moved into the scratch root), a free port, two name-based sites.

The module's site answers (styled page, its stylesheet, the feed and its schema,
/health, 302 on /); the other site is untouched (its own files and 404, none of the
module's headers).  Then the password path (host=127.0.0.1) after a graceful restart,
and the request-line limit that only the first site on a port decides."""

import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
from lxml import etree, html as lxml_html

from deploylib import (HTTPD, PG_BIN, ROOT, SECURITY_HEADERS, as_user, clean_env, free_port,
                      get, header_count, is_root, run, wait_for)

pytestmark = pytest.mark.skipif(
    not is_root() or not os.path.exists(HTTPD) or not shutil.which("a2enmod"),
    reason="needs root (httpd's workers switch to www-data, PostgreSQL runs as postgres) "
           "and Debian's apache2")

PREFIX = "/usr/local"
DATADIR = PREFIX + "/share/kotoutuminen"
MODULE_HOST = "kotoutuminen.test"
OTHER_HOST = "other.test"
PASSWORD = "kt-deploy-test-password"


def apxs(var):
    return run(["apxs", "-q", var]).stdout.strip()


class Deployment:
    """The scratch root, its httpd and its PostgreSQL."""

    def __init__(self):
        self.scratch = pathlib.Path(tempfile.mkdtemp(prefix="kt-deploy."))
        self.scratch.chmod(0o755)   # the workers (www-data) read the installed files
        self.destdir = self.scratch / "root"
        self.libexecdir = apxs("LIBEXECDIR")
        self.sysconfdir = apxs("SYSCONFDIR")
        self.confdir = self.destdir / self.sysconfdir.lstrip("/")
        self.datadir = self.destdir / DATADIR.lstrip("/")
        self.port = free_port()
        self.pgport = free_port(avoid=(self.port,))
        self.pgsock = self.scratch / "pgsock"
        self.pgdata = self.scratch / "pg"
        self.logdir = self.scratch / "log"
        self.pidfile = self.scratch / "run" / "apache2.pid"
        self.base = "http://127.0.0.1:%d" % self.port
        self.httpd_started = self.pg_started = False

    # --- commands as the README writes them, pointed at the scratch tree ---------------

    def apache_env(self, **extra):
        return clean_env(APACHE_CONFDIR=self.confdir,
                         APACHE_STATE_DIRECTORY=self.scratch / "state", **extra)

    def a2(self, tool, *names):
        return run([tool, *names], env=self.apache_env())

    def apachectl(self, *args, check=True):
        return run(["apache2ctl", *args], env=self.apache_env(), check=check)

    def pg_env(self, **extra):
        return clean_env(PGHOST=self.pgsock, PGPORT=self.pgport, **extra)

    def as_postgres(self, *cmd, **kw):
        return run(as_user("postgres", cmd), cwd="/", env=self.pg_env(), **kw)

    # --- set-up -----------------------------------------------------------------------

    def install(self):
        # The system's Debian configuration as it is (a copy), less anything of an
        # earlier install of ours, then `make install` into the same root.
        shutil.copytree("/etc/apache2", self.confdir, symlinks=True)
        for p in self.confdir.glob("*/kotoutuminen*"):
            p.unlink()
        run(["make", "-s", "install", "DESTDIR=%s" % self.destdir], cwd=ROOT, timeout=600)

    def relocate(self, path):
        """Installed files name their final paths (/usr/…); pointed into the scratch root
        here, where the files really are."""
        text = path.read_text()
        text = text.replace(self.libexecdir + "/mod_kotoutuminen.so",
                            str(self.destdir) + self.libexecdir + "/mod_kotoutuminen.so")
        text = text.replace(DATADIR, str(self.datadir))
        path.write_text(text)

    def configure_apache(self):
        # envvars: Debian's, with this tree's own run, lock and log directories.
        for d in ("run", "lock", "log", "state"):
            (self.scratch / d).mkdir()
        shutil.chown(self.scratch / "lock", "www-data", "www-data")
        with open(self.confdir / "envvars", "a") as f:
            f.write("\n# --- tests/deploy: this tree's own directories ---\n"
                    "export APACHE_PID_FILE=%s\nexport APACHE_RUN_DIR=%s\n"
                    "export APACHE_LOCK_DIR=%s\nexport APACHE_LOG_DIR=%s\n"
                    % (self.pidfile, self.scratch / "run", self.scratch / "lock", self.logdir))
        (self.confdir / "ports.conf").write_text("Listen 127.0.0.1:%d\n" % self.port)
        for link in list((self.confdir / "sites-enabled").iterdir()):
            self.a2("a2dissite", link.name)

        # The other site, first on the port (as Debian's 000-default is).
        www = self.scratch / "www" / "other"
        www.mkdir(parents=True)
        (www / "index.html").write_text(
            "<!DOCTYPE html><title>Other</title><script src=\"/app.js\"></script>"
            "<p>The other site.</p>\n")
        (www / "app.js").write_text("document.title = 'Other site';\n")
        (self.confdir / "sites-available" / "000-other.conf").write_text(
            "<VirtualHost *:%d>\n"
            "    ServerName %s\n"
            "    DocumentRoot %s\n"
            "    <Directory %s>\n"
            "        Require all granted\n"
            "    </Directory>\n"
            "    ErrorLog ${APACHE_LOG_DIR}/other-error.log\n"
            "    CustomLog ${APACHE_LOG_DIR}/other-access.log combined\n"
            "</VirtualHost>\n" % (self.port, OTHER_HOST, www, www))
        self.a2("a2ensite", "000-other")

        # The module: a2enmod (its .load from make install), the site file copied and edited.
        load = self.confdir / "mods-available" / "kotoutuminen.load"
        self.load_as_installed = load.read_text()
        self.relocate(load)
        self.a2("a2enmod", "kotoutuminen")
        site = self.confdir / "sites-available" / "kotoutuminen.conf"
        shutil.copy(self.datadir / "kotoutuminen.conf", site)
        self.edit_site(lambda t: t
                       .replace("<VirtualHost *:80>", "<VirtualHost *:%d>" % self.port)
                       .replace("ServerName kotoutuminen.example.fi", "ServerName " + MODULE_HOST)
                       .replace("KotoutuminenBaseURL https://kotoutuminen.example.fi",
                                "KotoutuminenBaseURL http://%s:%d" % (MODULE_HOST, self.port))
                       .replace("host=/run/postgresql port=5432",
                                "host=%s port=%d" % (self.pgsock, self.pgport)))
        self.relocate(site)
        self.a2("a2ensite", "kotoutuminen")

    def edit_site(self, change, name="kotoutuminen.conf"):
        site = self.confdir / "sites-available" / name
        before = site.read_text()
        after = change(before)
        assert after != before, "the edit changed nothing in %s" % name
        site.write_text(after)

    def start_postgres(self):
        """A cluster configured as Debian's: peer on the socket, scram-sha-256 over TCP."""
        for d in (self.pgdata, self.pgsock):
            d.mkdir()
            shutil.chown(d, "postgres", "postgres")
        self.pgdata.chmod(0o700)
        log = self.scratch / "postgresql.log"
        log.touch()
        shutil.chown(log, "postgres", "postgres")
        self.as_postgres(str(PG_BIN / "initdb"), "-D", str(self.pgdata), "-U", "postgres",
                         "--auth-local=peer", "--auth-host=scram-sha-256", "-E", "UTF8",
                         "--locale=C.UTF-8", "--no-sync")
        self.as_postgres(str(PG_BIN / "pg_ctl"), "start", "-D", str(self.pgdata), "-l", str(log),
                         "-w", "-t", "60", "-s", "-o",
                         "-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories=%s"
                         % (self.pgport, self.pgsock))
        self.pg_started = True

    def create_database_peer(self):
        """README: the role named after httpd's workers owns the database; kt-migrate runs
        as that user over the socket (peer), applying the installed migrations."""
        self.as_postgres("createuser", "www-data")
        self.as_postgres("createdb", "-O", "www-data", "kotoutuminen")
        return run(as_user("www-data", [str(self.destdir / "usr/local/bin/kt-migrate")]), cwd="/",
                   env=self.pg_env(PGDATABASE="kotoutuminen", KT_DATADIR=self.datadir))

    def start_httpd(self):
        # What apachectl start does without systemd: Debian's binary on this tree.
        subprocess.run(
            ["bash", "-c", '. "$APACHE_CONFDIR/envvars" && exec %s -d "$APACHE_CONFDIR" -k start'
             % HTTPD], env=self.apache_env(), check=True, timeout=60)
        self.httpd_started = True
        ok = wait_for(lambda: self.health() == 200, timeout=60)
        assert ok, "httpd did not answer /health: %s" % self.error_log()[-3000:]

    def health(self):
        try:
            return get(self.base + "/health", host=MODULE_HOST).status_code
        except OSError:
            return None

    def graceful(self):
        self.apachectl("graceful")
        # The new generation of children answers once the old has handed over.
        time.sleep(1.5)
        assert wait_for(lambda: self.health() == 200, timeout=60)

    def error_log(self):
        return "".join(p.read_text(errors="replace") for p in sorted(self.logdir.glob("*error*.log")))

    # --- tear-down --------------------------------------------------------------------

    def stop(self):
        if self.httpd_started and self.pidfile.exists():
            pid = int(self.pidfile.read_text().strip())
            cmdline = pathlib.Path("/proc/%d/cmdline" % pid)
            if cmdline.exists() and str(self.confdir) in cmdline.read_text():
                os.kill(pid, signal.SIGTERM)
                wait_for(lambda: not cmdline.exists(), timeout=30)
        if self.pg_started:
            self.as_postgres(str(PG_BIN / "pg_ctl"), "stop", "-D", str(self.pgdata), "-m", "fast",
                             "-w", "-s", check=False)
        shutil.rmtree(self.scratch, ignore_errors=True)


@pytest.fixture(scope="module")
def deployment(built):
    d = Deployment()
    try:
        d.install()
        d.configure_apache()
        d.start_postgres()
        d.migrated = d.create_database_peer()
        d.configtest = d.apachectl("configtest")
        d.start_httpd()
        yield d
    finally:
        d.stop()


def module_get(d, path, **kw):
    return get(d.base + path, host=MODULE_HOST, **kw)


def other_get(d, path, **kw):
    return get(d.base + path, host=OTHER_HOST, **kw)


# --- what make install put where --------------------------------------------------------

def test_make_install_puts_everything_where_debian_and_the_readme_expect_it(deployment):
    d = deployment
    assert (d.destdir / d.libexecdir.lstrip("/") / "mod_kotoutuminen.so").is_file()
    assert "<VirtualHost *:80>" in (d.datadir / "kotoutuminen.conf").read_text()  # to copy
    # The .load names the module's final path (apxs's LIBEXECDIR) and the modules it
    # needs, which a2enmod enabled with it.
    assert "LoadModule kotoutuminen_module %s/mod_kotoutuminen.so" % d.libexecdir \
        in d.load_as_installed.splitlines()
    assert "# Depends: dbd" in d.load_as_installed
    assert (d.confdir / "mods-enabled" / "kotoutuminen.load").is_symlink()
    assert (d.confdir / "mods-enabled" / "dbd.load").is_symlink(), "a2enmod enabled mod_dbd too"
    # the page cache's store (KotoutuminenPageCache shmcb:… in the site file)
    assert (d.confdir / "mods-enabled" / "socache_shmcb.load").is_symlink()
    for f in ("xslt/layout.xsl", "xslt/i18n/fi.xml", "xslt/feed/activities.xsd", "xslt/feed/xml.xsd",
              "static/site.css", "sql/001_init.sql", "tools/kt-iso639-sql"):
        assert (d.datadir / f).is_file(), f
    for tool in ("kt-admin", "kt-migrate"):
        assert os.access(d.destdir / "usr/local/bin" / tool, os.X_OK), tool
    # The installed kt-migrate applies the installed copy, not a checkout's sql/.
    migrate = (d.destdir / "usr/local/bin/kt-migrate").read_text()
    assert "\nKT_INSTALLED_DATADIR=%s\n" % DATADIR in migrate
    assert "applying %s/sql/001_init.sql" % d.datadir in d.migrated.stdout
    assert str(ROOT / "sql") not in d.migrated.stdout


def test_configtest_says_syntax_ok(deployment):
    assert "Syntax OK" in deployment.configtest.stderr + deployment.configtest.stdout


def test_kt_admin_help_needs_no_database(deployment):
    admin = str(deployment.destdir / "usr/local/bin/kt-admin")
    env = clean_env(PGHOST="/nonexistent", PGUSER="nobody-here")
    r = run([admin, "--help"], env=env)
    assert r.stdout.startswith("usage: kt-admin")
    assert "create-moderator" in r.stdout and r.stderr == ""
    r = run([admin, "send-mial"], env=env, check=False)
    assert r.returncode == 2
    assert "unknown command send-mial" in r.stderr and "usage: kt-admin" in r.stderr
    assert "database" not in r.stderr


def test_kt_migrate_again_changes_nothing(deployment):
    d = deployment
    r = run(as_user("www-data", [str(d.destdir / "usr/local/bin/kt-migrate")]), cwd="/",
            env=d.pg_env(PGDATABASE="kotoutuminen", KT_DATADIR=d.datadir))
    assert "applying" not in r.stdout


# --- the module's site ---------------------------------------------------------------------

def assert_module_headers_once(r):
    for name in SECURITY_HEADERS:
        assert header_count(r, name) == 1, (name, r.raw.headers.getlist(name))


def test_root_redirects_to_a_language(deployment):
    r = module_get(deployment, "/", headers={"Accept-Language": "sv-FI,sv;q=0.9"})
    assert r.status_code == 302
    assert r.headers["Location"].endswith("/sv/")
    assert_module_headers_once(r)
    # Not Debian's /var/www/html/index.html (mod_dir), and no type for the empty body
    # ("/" is a directory under DocumentRoot: httpd/unix-directory otherwise).
    assert "Content-Type" not in r.headers


def test_front_page_is_styled(deployment):
    d = deployment
    r = module_get(d, "/fi/")
    assert r.status_code == 200, r.text[:500]
    assert r.headers["Content-Type"].startswith("text/html")
    assert_module_headers_once(r)
    doc = lxml_html.fromstring(r.content)
    assert doc.get("lang") == "fi"
    sheets = doc.xpath("//link[@rel='stylesheet']/@href")
    assert sheets, "no stylesheet link"
    for href in sheets:
        css = module_get(d, href)
        assert css.status_code == 200, href
        assert css.headers["Content-Type"].startswith("text/css")
        assert css.content == (d.datadir / "static" / href.split("/static/", 1)[1]).read_bytes()
        assert_module_headers_once(css)


def test_feed_validates_against_the_schema_the_site_serves(deployment, tmp_path):
    d = deployment
    for name in ("activities.xsd", "xml.xsd"):
        r = module_get(d, "/feed/" + name)
        assert r.status_code == 200, (name, r.text[:300])
        assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
        assert r.content == (d.datadir / "xslt" / "feed" / name).read_bytes()
        (tmp_path / name).write_bytes(r.content)
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "activities.xsd")))
    feed = module_get(d, "/feed/activities.xml")
    assert feed.status_code == 200, feed.text[:500]
    assert schema.validate(etree.fromstring(feed.content)), schema.error_log


def test_health(deployment):
    r = module_get(deployment, "/health")
    assert r.status_code == 200 and r.text.strip() == "ok"


def test_module_errors_are_its_own_pages(deployment):
    r = module_get(deployment, "/no/such/page", headers={"Accept-Language": "en"})
    assert r.status_code == 404
    assert lxml_html.fromstring(r.content).get("lang") == "en"
    assert_module_headers_once(r)
    r = module_get(deployment, "/static/no-such.css")
    assert r.status_code == 404
    assert r.text.startswith("<!DOCTYPE html>")


# --- the other site -------------------------------------------------------------------------

def test_other_site_is_untouched(deployment):
    d = deployment
    www = d.scratch / "www" / "other"
    for path, body in (("/", (www / "index.html").read_bytes()),
                       ("/app.js", (www / "app.js").read_bytes())):
        r = other_get(d, path)
        assert r.status_code == 200, (path, r.status_code, r.text[:300])
        assert r.content == body, path
        for name in SECURITY_HEADERS:
            assert name not in r.headers, (path, name)
    r = other_get(d, "/missing.html")
    assert r.status_code == 404
    assert "<h1>Not Found</h1>" in r.text         # httpd's own page, not the module's
    assert 'lang="fi"' not in r.text and 'href="#main"' not in r.text
    for name in SECURITY_HEADERS:
        assert name not in r.headers, name


def test_long_request_lines_follow_the_first_site_on_the_port(deployment):
    """conf/kotoutuminen.conf and README: httpd reads the request line before it knows the
    site, so the first site's LimitRequestLine decides."""
    d = deployment
    path = "/fi/activities?q=" + "a" * 12000
    r = module_get(d, path)
    assert r.status_code == 414                   # httpd's, from the other (first) site
    assert "<h1>Request-URI Too Long</h1>" in r.text
    d.edit_site(lambda t: t.replace("    ServerName %s\n" % OTHER_HOST,
                                    "    ServerName %s\n    LimitRequestLine 65536\n" % OTHER_HOST),
                name="000-other.conf")
    d.apachectl("configtest")
    d.graceful()
    r = module_get(d, path)
    assert r.status_code == 400                   # the module's, naming the parameter
    detail = lxml_html.fromstring(r.content).xpath("//div[@class='error-detail']//code")
    assert detail and detail[0].text == "q"
    assert_module_headers_once(r)


# --- the password path, then the error log ------------------------------------------------

def test_password_path_over_tcp_after_a_graceful_restart(deployment):
    """README's other way in: a role with a password over host=127.0.0.1 (scram-sha-256 in
    Debian's pg_hba.conf), the site's DBDParams changed, apachectl graceful."""
    d = deployment
    # createuser --pwprompt reads the password twice (no terminal here: from stdin).
    r = subprocess.run(as_user("postgres", ["createuser", "--pwprompt", "kotoutuminen"]),
                       cwd="/", env=d.pg_env(), input="%s\n%s\n" % (PASSWORD, PASSWORD),
                       capture_output=True, text=True, timeout=60, start_new_session=True)
    assert r.returncode == 0, r.stderr
    d.as_postgres("createdb", "-O", "kotoutuminen", "kt_password")
    tcp = clean_env(PGHOST="127.0.0.1", PGPORT=d.pgport, PGUSER="kotoutuminen",
                    PGPASSWORD=PASSWORD, PGDATABASE="kt_password", KT_DATADIR=d.datadir)
    r = run([str(d.destdir / "usr/local/bin/kt-migrate")], env=tcp, cwd="/")
    assert "applying %s/sql/001_init.sql" % d.datadir in r.stdout
    d.edit_site(lambda t: re.sub(
        r'DBDParams "[^"]*"',
        'DBDParams "host=127.0.0.1 port=%d dbname=kt_password user=kotoutuminen password=%s '
        'connect_timeout=2"' % (d.pgport, PASSWORD), t))
    (d.confdir / "sites-available" / "kotoutuminen.conf").chmod(0o600)
    d.apachectl("configtest")
    d.graceful()
    assert module_get(d, "/fi/").status_code == 200
    users = d.as_postgres(str(PG_BIN / "psql"), "-X", "-At", "-d", "postgres", "-c",
                          "SELECT DISTINCT usename || '/' || datname FROM pg_stat_activity "
                          "WHERE datname LIKE 'kt%' OR datname = 'kotoutuminen'").stdout.split()
    assert "kotoutuminen/kt_password" in users
    # kt-admin the same way (README step 5).
    r = run([str(d.destdir / "usr/local/bin/kt-admin"), "cleanup"], env=tcp)
    assert r.returncode == 0


def test_zz_error_log_is_clean(deployment):
    """Last (pytest keeps the file's order): nothing at level error or worse in either
    site's log, nor a crash."""
    bad = [line for line in deployment.error_log().splitlines()
           if re.search(r"\[[a-z_]*:(emerg|alert|crit|error)\]|exit signal", line)]
    assert not bad, "\n".join(bad[:20])
