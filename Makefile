# mod_kotoutuminen — build, run and test.
#   make            build the module (mod_kotoutuminen.so)
#   make run        install missing packages, build, start PostgreSQL + httpd on 127.0.0.1:8080
#   make test       unit, integration, deployment and browser tests, side by side, each
#                   against throw-away PostgreSQL + httpd of its own (tools/kt-test)
#   make install    the module, its mods-available/kotoutuminen.load, kt-admin, kt-migrate,
#                   the site file and the data files (PREFIX, DESTDIR; README.md)
APXS      ?= apxs
PREFIX    ?= /usr/local
DATADIR   ?= $(PREFIX)/share/kotoutuminen
PORT      ?= 8080
# make run's state (cluster, logs): tools/kt-run picks ./var, or a directory under
# /var/tmp when the checkout is private; VARDIR=DIR chooses.
export PORT VARDIR

# Queried lazily (=) so that `make deps` runs before apxs has to exist.
APXS_CC      = $(shell $(APXS) -q CC 2>/dev/null || echo cc)
APXS_INCLUDE = $(shell $(APXS) -q INCLUDEDIR 2>/dev/null)
APR_CFLAGS   = $(shell apr-1-config --cppflags --cflags --includes 2>/dev/null) \
               $(shell apu-1-config --includes 2>/dev/null)
XML_CFLAGS   = $(shell xslt-config --cflags 2>/dev/null)
PG_CFLAGS    = -I$(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
XSLT_CFLAGS  = $(XML_CFLAGS) $(PG_CFLAGS)
XSLT_LIBS    = $(shell xslt-config --libs 2>/dev/null) -lexslt
# SHA-256 and HMAC (tokens, CSRF, feed cursors, ETags): OpenSSL's libcrypto, which httpd's
# mod_ssl uses too.
CRYPTO_LIBS  = -lcrypto
# The search index's bitmaps (src/lib/kt_facets.c): CRoaring, Debian's libroaring-dev.
ROARING_LIBS = -lroaring
APR_LIBS     = $(shell apr-1-config --link-ld --libs 2>/dev/null) \
               $(shell apu-1-config --link-ld --libs 2>/dev/null)

WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat-security -Wvla
OPT      ?= -O2 -g
SAN      ?=
CFLAGS_ALL = $(OPT) $(SAN) -fPIC $(WARN) -I$(APXS_INCLUDE) $(APR_CFLAGS) $(XSLT_CFLAGS) -Isrc -Isrc/lib
# The pure library (src/lib) is compiled without httpd's include path, so that an
# httpd header there is a compile error, not a convention (mod_md's libmd does the same).
LIB_CFLAGS = $(OPT) $(SAN) -fPIC $(WARN) $(APR_CFLAGS) $(XML_CFLAGS) -Isrc/lib
CC_       = $(if $(filter clang%,$(notdir $(CC))),$(CC),$(APXS_CC))

# Pure parts: no httpd headers; one static library linked by the module, kt-admin,
# the unit tests and the fuzzers.
LIB_SRCS  = $(sort $(wildcard src/lib/*.c))
LIB_HDRS  = $(wildcard src/lib/*.h)
HTTPD_SRCS = mod_kotoutuminen.c src/kt_http.c src/kt_db.c src/kt_pages.c src/kt_activity.c \
             src/kt_organisation.c src/kt_news.c src/kt_search_page.c \
             src/kt_session.c src/kt_csrf.c src/kt_body.c src/kt_formpage.c src/kt_throttle.c \
             src/kt_mail.c src/kt_audit.c src/kt_account.c src/kt_info.c src/kt_org.c \
             src/kt_membership.c src/kt_manage.c src/kt_moderation.c src/kt_auditlog.c \
             src/kt_orgquestion.c \
             src/kt_xmlout.c src/kt_feed.c src/kt_feed_xsd.c src/kt_atom.c src/kt_feed_guide.c \
             src/kt_ics.c src/kt_listing_db.c src/kt_editor.c src/kt_review.c \
             src/kt_projects.c src/kt_engine.c src/kt_kinds.c \
             src/kt_event_db.c src/kt_events.c src/kt_myaccount.c src/kt_contact.c \
             src/kt_sitemap.c src/kt_news_db.c src/kt_desk.c src/kt_job_db.c src/kt_jobs.c \
             src/kt_project_db.c src/kt_network_db.c src/kt_networks.c src/kt_listpage.c
# what every kind's database code shares (kt_content_db.h)
HTTPD_SRCS += src/kt_content_db.c
# the page cache (issue 15)
HTTPD_SRCS += src/kt_pcache.c
HTTPD_SRCS += src/kt_sindex.c
BUILD    ?= build
LIB_OBJS  = $(LIB_SRCS:%.c=$(BUILD)/%.o)
LIBKT     = $(BUILD)/libkt.a
HTTPD_OBJS = $(HTTPD_SRCS:%.c=$(BUILD)/%.o)
HEADERS   = $(wildcard src/*.h) $(LIB_HDRS)

MODULE   ?= mod_kotoutuminen.so
# The same module built with AddressSanitizer + UndefinedBehaviorSanitizer; make test
# runs the integration suite against it too (QUALITY.md).
ASAN_MODULE = build/asan/mod_kotoutuminen.so
ASAN_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# The command-line companion (mail delivery, moderators); shares the pure code.
ADMIN     = build/kt-admin
ADMIN_SRCS = tools/kt-admin.c tools/kt_admin_daily.c

.PHONY: all lib fuzz-lib deps run test test-build unit integration browser install clean bench bench-feed bench-growth render-bench asan fuzz fuzz-form
all: $(MODULE) $(ADMIN)

$(BUILD)/src/lib/%.o: src/lib/%.c $(LIB_HDRS)
	@mkdir -p $(dir $@)
	$(CC_) $(LIB_CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC_) $(CFLAGS_ALL) -c $< -o $@

lib: $(LIBKT)
$(LIBKT): $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(MODULE): $(HTTPD_OBJS) $(LIBKT)
	$(CC_) $(SAN) -shared -o $@ $(HTTPD_OBJS) $(LIBKT) $(XSLT_LIBS) $(CRYPTO_LIBS) $(ROARING_LIBS) -lpq

# kt-admin has DATADIR compiled in (its default --stylesheets): rebuilt when it changes.
$(BUILD)/datadir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
.PHONY: FORCE
FORCE:

$(ADMIN): $(ADMIN_SRCS) tools/kt_admin.h $(LIBKT) $(LIB_HDRS) $(BUILD)/datadir
	$(CC_) $(OPT) $(SAN) $(WARN) $(APR_CFLAGS) $(XSLT_CFLAGS) \
	    -DKT_DEFAULT_XSLT='"$(DATADIR)/xslt"' -Isrc/lib -Itools -o $@ $(ADMIN_SRCS) $(LIBKT) \
	    -lpq $(APR_LIBS) $(XSLT_LIBS) $(CRYPTO_LIBS)

# libFuzzer target for the form decoder (QUALITY.md); not part of `make test`:
#   make fuzz-form && build/fuzz/fuzz_form -max_total_time=60
# The fuzzers link the library built by clang with the fuzzer's coverage and sanitizers.
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB = build/fuzz/libkt.a
fuzz-lib:
	$(MAKE) BUILD=build/fuzz CC=clang OPT="-g -O1" SAN="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" lib
FUZZ_CC = clang -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) $(WARN) $(APR_CFLAGS) $(XML_CFLAGS) -Isrc/lib
FUZZ_LIBS = $(APR_LIBS) $(XSLT_LIBS) $(CRYPTO_LIBS)
build/fuzz/fuzz_form: tests/fuzz/fuzz_form.c fuzz-lib
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_form.c $(FUZZ_LIB) $(FUZZ_LIBS)
fuzz-form: build/fuzz/fuzz_form

# --- tests -------------------------------------------------------------------
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_HDRS = $(wildcard tests/unit/*.h)
build/unit_tests: $(UNIT_SRCS) $(UNIT_HDRS) tests/unit/unit_main.c $(LIBKT)
	$(CC_) $(OPT) $(SAN) $(WARN) -Wno-missing-prototypes $(APR_CFLAGS) $(XML_CFLAGS) -Isrc/lib -Itests/unit \
	    -o $@ $(UNIT_SRCS) tests/unit/unit_main.c $(LIBKT) \
	    $(shell pkg-config --cflags --libs check 2>/dev/null) $(APR_LIBS) $(XSLT_LIBS) $(CRYPTO_LIBS) \
	    $(ROARING_LIBS)

# Print the search and feed statements for EXPLAIN (bench/run, bench/feed-rss, the
# integration tests): one program under the two names the scripts know.
build/kt-search-sql build/kt-feed-sql: tools/kt_sql.c $(HEADERS) $(LIBKT)
	@mkdir -p build
	$(CC_) $(OPT) $(WARN) $(APR_CFLAGS) -Isrc/lib -o $@ tools/kt_sql.c $(LIBKT) $(APR_LIBS)

# Renders page documents with the module's renderer (libkt.a): CPU per page type
# (make render-bench, bench/render).
build/kt-render: tools/kt_render_bench.c $(LIBKT) $(LIB_HDRS)
	@mkdir -p build
	$(CC_) $(OPT) $(WARN) $(APR_CFLAGS) $(XML_CFLAGS) -Isrc/lib -o $@ tools/kt_render_bench.c \
	    $(LIBKT) $(APR_LIBS) $(XSLT_LIBS) $(CRYPTO_LIBS)

deps:
	tools/install-deps

unit: build/unit_tests
	KT_XSLT_DIR=$(CURDIR)/xslt build/unit_tests

run: deps
	$(MAKE) $(MODULE)
	tools/kt-run

asan:
	$(MAKE) BUILD=build/asan MODULE=$(ASAN_MODULE) SAN="$(ASAN_FLAGS)" OPT="-O1 -g" $(ASAN_MODULE)

# Everything the tests need, built side by side (the sanitizer build too); then the
# stages, also side by side (tools/kt-test).
TEST_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
test-build: $(MODULE) $(ADMIN) build/unit_tests build/kt-search-sql build/kt-feed-sql build/kt-render asan

test: deps
	$(MAKE) -j$(TEST_JOBS) test-build
	KT_ASAN_MODULE=$(CURDIR)/$(ASAN_MODULE) tools/kt-test

# Fuzzing (libFuzzer with ASan and UBSan, clang; not part of make test):
#   make fuzz [FUZZ_SECONDS=60]
FUZZ_SECONDS ?= 60
build/fuzz_query: tests/fuzz/fuzz_query.c fuzz-lib
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_query.c $(FUZZ_LIB) $(FUZZ_LIBS)

# The feed's query string and cursors.
build/fuzz_feed: tests/fuzz/fuzz_feed.c fuzz-lib
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_feed.c $(FUZZ_LIB) $(FUZZ_LIBS)

# The filter tables of list pages and their feeds (events').
build/fuzz_filter: tests/fuzz/fuzz_filter.c fuzz-lib
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_filter.c $(FUZZ_LIB) $(FUZZ_LIBS)

# The markup of moderators' texts (news bodies).
build/fuzz_markup: tests/fuzz/fuzz_markup.c fuzz-lib
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_markup.c $(FUZZ_LIB) $(FUZZ_LIBS)

# Tidying, word marks and the audit log's request (issue 14).
build/fuzz_forms: tests/fuzz/fuzz_forms.c fuzz-lib
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_forms.c $(FUZZ_LIB) $(FUZZ_LIBS)

fuzz: build/fuzz_query build/fuzz/fuzz_form build/fuzz_feed build/fuzz_filter build/fuzz_markup \
    build/fuzz_forms
	@mkdir -p build/fuzz-corpus/query build/fuzz-corpus/form build/fuzz-corpus/feed \
	    build/fuzz-corpus/filter build/fuzz-corpus/markup build/fuzz-corpus/forms
	build/fuzz_query -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    build/fuzz-corpus/query tests/fuzz/corpus/query
	build/fuzz/fuzz_form -max_total_time=$(FUZZ_SECONDS) build/fuzz-corpus/form
	build/fuzz_feed -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    build/fuzz-corpus/feed tests/fuzz/corpus/feed
	build/fuzz_filter -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    build/fuzz-corpus/filter tests/fuzz/corpus/query
	build/fuzz_markup -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    build/fuzz-corpus/markup tests/fuzz/corpus/markup
	build/fuzz_forms -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    build/fuzz-corpus/forms tests/fuzz/corpus/forms

# Benchmark (not a test): 100 000 generated listings, wrk against pages and their
# static twins, the feed, and the growth from 10 000; prints tables and never fails
# on a number (bench/all: bench/run, bench/feed-rss, bench/growth).
bench: deps
	$(MAKE) $(MODULE) build/kt-search-sql build/kt-feed-sql build/kt-render
	bench/all

# How the search's costs grow with the listings: 10 000 and 100 000 by default;
# KT_BENCH_GROWTH="10000 100000 1000000" adds a million (bench/growth).
bench-growth: deps
	$(MAKE) $(MODULE) build/kt-search-sql
	bench/growth

# CPU per page type: each sample page of bench/render transformed by the module's
# renderer, ms per transform, and the search page's instructions under callgrind.
render-bench: build/kt-render
	bench/render

# The feed streamed whole on 100 000 listings: the httpd child's peak RSS before
# and after, time and rows/s (bench/feed-rss).
bench-feed: deps
	$(MAKE) $(MODULE) build/kt-search-sql build/kt-feed-sql
	bench/feed-rss

# Debian's layout, from apxs: the module into /usr/lib/apache2/modules, its .load
# into /etc/apache2/mods-available (for `a2enmod kotoutuminen`).  The site file to
# copy into sites-available, the stylesheets, static files and migrations go to
# DATADIR; kt-admin and kt-migrate (which applies DATADIR/sql) to BINDIR.
# DESTDIR puts it all under a staging root (the deploy test installs into one).
BINDIR        ?= $(PREFIX)/bin
LIBEXECDIR    ?= $(shell $(APXS) -q LIBEXECDIR 2>/dev/null || echo /usr/lib/apache2/modules)
APACHE_SYSCONFDIR ?= $(shell $(APXS) -q SYSCONFDIR 2>/dev/null || echo /etc/apache2)
install: $(MODULE) $(ADMIN)
	install -d $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(APACHE_SYSCONFDIR)/mods-available \
	    $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/xslt/i18n $(DESTDIR)$(DATADIR)/xslt/feed \
	    $(DESTDIR)$(DATADIR)/static $(DESTDIR)$(DATADIR)/sql $(DESTDIR)$(DATADIR)/tools
	install -m 644 $(MODULE) $(DESTDIR)$(LIBEXECDIR)/mod_kotoutuminen.so
	sed 's|@LIBEXECDIR@|$(LIBEXECDIR)|g' conf/kotoutuminen.load.in \
	    >$(DESTDIR)$(APACHE_SYSCONFDIR)/mods-available/kotoutuminen.load
	chmod 644 $(DESTDIR)$(APACHE_SYSCONFDIR)/mods-available/kotoutuminen.load
	install -m 755 $(ADMIN) $(DESTDIR)$(BINDIR)/kt-admin
	sed 's|^KT_INSTALLED_DATADIR=.*|KT_INSTALLED_DATADIR=$(DATADIR)|' tools/kt-migrate \
	    >$(DESTDIR)$(BINDIR)/kt-migrate
	chmod 755 $(DESTDIR)$(BINDIR)/kt-migrate
	install -m 755 tools/kt-iso639-sql $(DESTDIR)$(DATADIR)/tools/
	sed 's|/usr/local/share/kotoutuminen|$(DATADIR)|g' conf/kotoutuminen.conf \
	    >$(DESTDIR)$(DATADIR)/kotoutuminen.conf
	chmod 644 $(DESTDIR)$(DATADIR)/kotoutuminen.conf
	install -m 644 xslt/*.xsl $(DESTDIR)$(DATADIR)/xslt/
	install -m 644 xslt/i18n/*.xml $(DESTDIR)$(DATADIR)/xslt/i18n/
	install -m 644 xslt/feed/*.xsd $(DESTDIR)$(DATADIR)/xslt/feed/
	cp -R static/. $(DESTDIR)$(DATADIR)/static/
	cp -R sql/. $(DESTDIR)$(DATADIR)/sql/
	chmod -R u+rwX,go+rX-w $(DESTDIR)$(DATADIR)/static $(DESTDIR)$(DATADIR)/sql

clean:
	rm -rf build $(MODULE)
