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
APR_LIBS     = $(shell apr-1-config --link-ld --libs 2>/dev/null) \
               $(shell apu-1-config --link-ld --libs 2>/dev/null)
# OpenSSL's libcrypto: HMAC for the feed's cursors, SHA-256 for ETags.
CRYPTO_LIBS  = $(shell pkg-config --libs libcrypto 2>/dev/null || echo -lcrypto)

WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat-security -Wvla
OPT      ?= -O2 -g
SAN      ?=
CFLAGS_ALL = $(OPT) $(SAN) -fPIC $(WARN) -I$(APXS_INCLUDE) $(APR_CFLAGS) $(XSLT_CFLAGS) -Isrc
CC_       = $(if $(filter clang%,$(notdir $(CC))),$(CC),$(APXS_CC))

# Pure parts: no httpd headers, linked into the unit tests and fuzzers as well.
PURE_SRCS = src/kt_bizid.c src/kt_i18n.c src/kt_xml.c src/kt_render.c src/kt_text.c \
            src/kt_time.c src/kt_cursor.c src/kt_etag.c src/kt_feed_params.c src/kt_ical.c
HTTPD_SRCS = mod_kotoutuminen.c src/kt_http.c src/kt_db.c src/kt_pages.c src/kt_activity.c \
             src/kt_organisation.c src/kt_news.c src/kt_xmlout.c src/kt_feed.c src/kt_feed_xsd.c \
             src/kt_atom.c src/kt_feed_guide.c src/kt_ics.c
BUILD    ?= build
PURE_OBJS = $(PURE_SRCS:%.c=$(BUILD)/%.o)
HTTPD_OBJS = $(HTTPD_SRCS:%.c=$(BUILD)/%.o)
HEADERS   = $(wildcard src/*.h)

MODULE   ?= mod_kotoutuminen.so
# The same module built with AddressSanitizer + UndefinedBehaviorSanitizer; make test
# runs the integration suite against it too (QUALITY.md).
ASAN_MODULE = build/asan/mod_kotoutuminen.so
ASAN_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: all deps run test unit integration browser install clean bench asan
all: $(MODULE)

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC_) $(CFLAGS_ALL) -c $< -o $@

$(MODULE): $(PURE_OBJS) $(HTTPD_OBJS)
	$(CC_) $(SAN) -shared -o $@ $^ $(XSLT_LIBS) -lpq $(CRYPTO_LIBS)

# --- tests -------------------------------------------------------------------
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_HDRS = tests/unit/unit.h
build/unit_tests: $(UNIT_SRCS) $(UNIT_HDRS) tests/unit/unit_main.c $(PURE_OBJS)
	$(CC_) $(OPT) $(SAN) $(WARN) -Wno-missing-prototypes $(APR_CFLAGS) $(XSLT_CFLAGS) -Isrc -Itests/unit \
	    -o $@ $(UNIT_SRCS) tests/unit/unit_main.c $(PURE_OBJS) \
	    $(shell pkg-config --cflags --libs check 2>/dev/null) $(APR_LIBS) $(XSLT_LIBS) \
	    $(CRYPTO_LIBS)

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
	$(MAKE) $(MODULE) build/unit_tests
	$(MAKE) asan
	KT_ASAN_MODULE=$(CURDIR)/$(ASAN_MODULE) tools/kt-test

install: $(MODULE)
	$(APXS) -i -n kotoutuminen $(MODULE)
	install -d $(DESTDIR)$(DATADIR)/xslt/i18n $(DESTDIR)$(DATADIR)/static $(DESTDIR)$(DATADIR)/sql
	install -m 644 xslt/*.xsl $(DESTDIR)$(DATADIR)/xslt/
	install -m 644 xslt/i18n/*.xml $(DESTDIR)$(DATADIR)/xslt/i18n/
	cp -R static/. $(DESTDIR)$(DATADIR)/static/
	cp -R sql/. $(DESTDIR)$(DATADIR)/sql/

clean:
	rm -rf build $(MODULE)
