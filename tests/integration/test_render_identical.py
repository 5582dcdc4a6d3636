"""The module's renderer writes what libxslt writes (issue 15 item 3).

build/kt-render renders the sample pages of tests/fixtures/pages/ through kt_render_init and
kt_render_page, the module's own code (its transform context, extension function and the
serialization of kt_render.c); lxml renders them with libxslt alone (tests/fixtures/
render_pages.py).  Every page must come out the same, byte for byte: whatever the C side does
to make rendering cheaper may not change a page.  kt-render also transforms each page several
times and fails when a later transform writes other bytes than the first (nothing a transform
leaves behind may change the next).  Needs no server (the package's conftest still wants the
KT_* environment that `make test` sets).
"""
import os
import pathlib
import subprocess
import sys

import pytest
from lxml import etree

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES_DIR = ROOT / "tests" / "fixtures" / "pages"
KT_RENDER = ROOT / "build" / "kt-render"

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import render_pages  # noqa: E402  (needs the path above)

FIXTURES = sorted(p.name for p in PAGES_DIR.glob("*.xml"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every sample page through build/kt-render, three transforms each: name → HTML."""
    if not KT_RENDER.exists():
        pytest.fail("build/kt-render missing: make build/kt-render (make test-build builds it)")
    out = tmp_path_factory.mktemp("kt-render")
    args = []
    for name in FIXTURES:
        page_type = etree.parse(str(PAGES_DIR / name)).getroot().get("type")
        args.append("%s:%s" % (render_pages.SHEET_OF_TYPE.get(page_type, page_type),
                               PAGES_DIR / name))
    run = subprocess.run([str(KT_RENDER), "-d", str(ROOT / "xslt"), "-n", "3", "-o", str(out)]
                         + args, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return {name: (out / (name[:-4] + ".html")).read_text(encoding="utf-8") for name in FIXTURES}


def test_the_bench_pages_are_among_the_samples():
    assert {"bench-search-word.fi.xml", "bench-front.fi.xml", "bench-activity.fi.xml",
            "bench-events.fi.xml", "bench-jobs.fi.xml", "bench-news.fi.xml"} <= set(FIXTURES)


@pytest.mark.parametrize("name", FIXTURES)
def test_module_renderer_writes_what_libxslt_writes(rendered, name):
    expected, _lang = render_pages.render(str(PAGES_DIR / name))
    mine = rendered[name]
    if mine != expected:
        at = next((i for i, (a, b) in enumerate(zip(mine, expected)) if a != b),
                  min(len(mine), len(expected)))
        pytest.fail("%s differs at character %d:\n  module: %r\n  libxslt: %r"
                    % (name, at, mine[max(0, at - 80):at + 80], expected[max(0, at - 80):at + 80]))
