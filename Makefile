# mod_kotoutuminen — build, run and test.
#   make            build the module (mod_kotoutuminen.so)
#   make run        install missing packages, build, start PostgreSQL + httpd on 127.0.0.1:8080
#   make test       unit, integration and browser tests against a throw-away PostgreSQL + httpd
#   make install    install the module into the system httpd (apxs -i) and the data files
APXS      ?= apxs
PREFIX    ?= /usr/local
DATADIR   ?= $(PREFIX)/share/kotoutuminen
PORT      ?= 8080
VARDIR    ?= $(CURDIR)/var
export PORT VARDIR

# Queried lazily (=) so that `make deps` runs before apxs has to exist.
APXS_CC      = $(shell $(APXS) -q CC 2>/dev/null || echo cc)
APXS_INCLUDE = $(shell $(APXS) -q INCLUDEDIR 2>/dev/null)
APR_CFLAGS   = $(shell apr-1-config --cppflags --cflags --includes 2>/dev/null) \
               $(shell apu-1-config --includes 2>/dev/null)
XSLT_CFLAGS  = $(shell xslt-config --cflags 2>/dev/null) -I$(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
XSLT_LIBS    = $(shell xslt-config --libs 2>/dev/null) -lexslt
# SHA-256 and HMAC (tokens, CSRF, feed cursors, ETags): OpenSSL's libcrypto, which httpd's
# mod_ssl uses too.
CRYPTO_LIBS  = -lcrypto
APR_LIBS     = $(shell apr-1-config --link-ld --libs 2>/dev/null) \
               $(shell apu-1-config --link-ld --libs 2>/dev/null)

WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat-security -Wvla
OPT      ?= -O2 -g
SAN      ?=
CFLAGS_ALL = $(OPT) $(SAN) -fPIC $(WARN) -I$(APXS_INCLUDE) $(APR_CFLAGS) $(XSLT_CFLAGS) -Isrc
CC_       = $(if $(filter clang%,$(notdir $(CC))),$(CC),$(APXS_CC))

# Pure parts: no httpd headers, linked into the unit tests and fuzzers as well.
PURE_SRCS = src/kt_bizid.c src/kt_i18n.c src/kt_xml.c src/kt_render.c src/kt_text.c \
            src/kt_crypto.c src/kt_form.c src/kt_cookie.c src/kt_validate.c src/kt_password.c \
            src/kt_formstate.c src/kt_query.c src/kt_search.c \
            src/kt_time.c src/kt_cursor.c src/kt_etag.c src/kt_feed_params.c src/kt_ical.c \
            src/kt_listing.c src/kt_mailtext.c
HTTPD_SRCS = mod_kotoutuminen.c src/kt_http.c src/kt_db.c src/kt_pages.c src/kt_activity.c \
             src/kt_organisation.c src/kt_news.c src/kt_search_page.c \
             src/kt_session.c src/kt_csrf.c src/kt_body.c src/kt_formpage.c src/kt_throttle.c \
             src/kt_mail.c src/kt_audit.c src/kt_account.c src/kt_info.c src/kt_org.c \
             src/kt_membership.c src/kt_manage.c src/kt_moderation.c \
             src/kt_xmlout.c src/kt_feed.c src/kt_feed_xsd.c src/kt_atom.c src/kt_feed_guide.c \
             src/kt_ics.c src/kt_listing_db.c src/kt_editor.c src/kt_review.c \
             src/kt_projects.c
BUILD    ?= build
PURE_OBJS = $(PURE_SRCS:%.c=$(BUILD)/%.o)
HTTPD_OBJS = $(HTTPD_SRCS:%.c=$(BUILD)/%.o)
HEADERS   = $(wildcard src/*.h)

MODULE   ?= mod_kotoutuminen.so
# The same module built with AddressSanitizer + UndefinedBehaviorSanitizer; make test
# runs the integration suite against it too (QUALITY.md).
ASAN_MODULE = build/asan/mod_kotoutuminen.so
ASAN_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# The command-line companion (mail delivery, moderators); shares the pure code.
ADMIN     = build/kt-admin
ADMIN_OBJS = build/src/kt_password.o build/src/kt_crypto.o build/src/kt_validate.o \
             build/src/kt_text.o build/src/kt_i18n.o build/src/kt_mailtext.o
ADMIN_SRCS = tools/kt-admin.c tools/kt_admin_daily.c

.PHONY: all deps run test unit integration browser install clean bench bench-feed asan fuzz fuzz-form
all: $(MODULE) $(ADMIN)

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC_) $(CFLAGS_ALL) -c $< -o $@

$(MODULE): $(PURE_OBJS) $(HTTPD_OBJS)
	$(CC_) $(SAN) -shared -o $@ $^ $(XSLT_LIBS) $(CRYPTO_LIBS) -lpq

$(ADMIN): $(ADMIN_SRCS) tools/kt_admin.h $(ADMIN_OBJS) $(HEADERS)
	$(CC_) $(OPT) $(SAN) $(WARN) $(APR_CFLAGS) $(XSLT_CFLAGS) -I$(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql) \
	    -DKT_DEFAULT_XSLT='"$(DATADIR)/xslt"' -Isrc -Itools -o $@ $(ADMIN_SRCS) $(ADMIN_OBJS) \
	    -lpq $(APR_LIBS) $(XSLT_LIBS) $(CRYPTO_LIBS)

# libFuzzer target for the form decoder (QUALITY.md); not part of `make test`:
#   make fuzz-form && build/fuzz/fuzz_form -max_total_time=60
build/fuzz/fuzz_form: tests/fuzz/fuzz_form.c src/kt_form.c src/kt_text.c src/kt_form.h src/kt_text.h
	@mkdir -p $(dir $@)
	clang -g -O1 -fsanitize=fuzzer,address,undefined $(APR_CFLAGS) -Isrc -o $@ \
	    tests/fuzz/fuzz_form.c src/kt_form.c src/kt_text.c $(APR_LIBS)
fuzz-form: build/fuzz/fuzz_form

# --- tests -------------------------------------------------------------------
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_HDRS = tests/unit/unit.h
build/unit_tests: $(UNIT_SRCS) $(UNIT_HDRS) tests/unit/unit_main.c $(PURE_OBJS)
	$(CC_) $(OPT) $(SAN) $(WARN) -Wno-missing-prototypes $(APR_CFLAGS) $(XSLT_CFLAGS) -Isrc -Itests/unit \
	    -o $@ $(UNIT_SRCS) tests/unit/unit_main.c $(PURE_OBJS) \
	    $(shell pkg-config --cflags --libs check 2>/dev/null) $(APR_LIBS) $(XSLT_LIBS) $(CRYPTO_LIBS)

# Print the search and feed statements for EXPLAIN (bench/run, bench/feed-rss, the
# integration tests): one program under the two names the scripts know.
build/kt-search-sql build/kt-feed-sql: tools/kt_sql.c $(HEADERS)
	@mkdir -p build
	$(CC_) $(OPT) $(WARN) $(APR_CFLAGS) -Isrc -o $@ tools/kt_sql.c

deps:
	tools/install-deps

unit: build/unit_tests
	KT_XSLT_DIR=$(CURDIR)/xslt build/unit_tests

run: deps
	$(MAKE) $(MODULE)
	tools/kt-run

asan:
	$(MAKE) BUILD=build/asan MODULE=$(ASAN_MODULE) SAN="$(ASAN_FLAGS)" OPT="-O1 -g" $(ASAN_MODULE)

test: deps
	$(MAKE) $(MODULE) $(ADMIN) build/unit_tests build/kt-search-sql build/kt-feed-sql
	$(MAKE) asan
	KT_ASAN_MODULE=$(CURDIR)/$(ASAN_MODULE) tools/kt-test

# Fuzzing (libFuzzer with ASan and UBSan, clang; not part of make test):
#   make fuzz [FUZZ_SECONDS=60]
FUZZ_SECONDS ?= 60
FUZZ_SRCS = src/kt_query.c src/kt_search.c src/kt_text.c
build/fuzz_query: tests/fuzz/fuzz_query.c $(FUZZ_SRCS) $(HEADERS)
	@mkdir -p build
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(WARN) \
	    $(APR_CFLAGS) -Isrc -o $@ tests/fuzz/fuzz_query.c $(FUZZ_SRCS) $(APR_LIBS)

# The feed's query string and cursors.
FUZZ_FEED_SRCS = $(FUZZ_SRCS) src/kt_feed_params.c src/kt_cursor.c src/kt_time.c src/kt_crypto.c
build/fuzz_feed: tests/fuzz/fuzz_feed.c $(FUZZ_FEED_SRCS) $(HEADERS)
	@mkdir -p build
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(WARN) \
	    $(APR_CFLAGS) -Isrc -o $@ tests/fuzz/fuzz_feed.c $(FUZZ_FEED_SRCS) $(APR_LIBS) $(CRYPTO_LIBS)

fuzz: build/fuzz_query build/fuzz/fuzz_form build/fuzz_feed
	@mkdir -p build/fuzz-corpus/query build/fuzz-corpus/form build/fuzz-corpus/feed
	build/fuzz_query -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    build/fuzz-corpus/query tests/fuzz/corpus/query
	build/fuzz/fuzz_form -max_total_time=$(FUZZ_SECONDS) build/fuzz-corpus/form
	build/fuzz_feed -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    build/fuzz-corpus/feed tests/fuzz/corpus/feed

# Benchmark (not a test): 100 000 generated listings, wrk against pages and their
# static twins; prints a table and never fails on a number (bench/run).
bench: deps
	$(MAKE) $(MODULE) build/kt-search-sql
	bench/run
	$(MAKE) bench-feed

# The feed streamed whole on 100 000 listings: the httpd child's peak RSS before
# and after, time and rows/s (bench/feed-rss).
bench-feed: deps
	$(MAKE) $(MODULE) build/kt-feed-sql
	bench/feed-rss

install: $(MODULE) $(ADMIN)
	$(APXS) -i -n kotoutuminen $(MODULE)
	install -D -m 755 $(ADMIN) $(DESTDIR)$(PREFIX)/bin/kt-admin
	install -d $(DESTDIR)$(DATADIR)/xslt/i18n $(DESTDIR)$(DATADIR)/xslt/feed \
	    $(DESTDIR)$(DATADIR)/static $(DESTDIR)$(DATADIR)/sql
	install -m 644 xslt/*.xsl $(DESTDIR)$(DATADIR)/xslt/
	install -m 644 xslt/i18n/*.xml $(DESTDIR)$(DATADIR)/xslt/i18n/
	install -m 644 xslt/feed/*.xsd $(DESTDIR)$(DATADIR)/xslt/feed/
	cp -R static/. $(DESTDIR)$(DATADIR)/static/
	cp -R sql/. $(DESTDIR)$(DATADIR)/sql/

clean:
	rm -rf build $(MODULE)
