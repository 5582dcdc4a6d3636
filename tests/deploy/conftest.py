"""The deployment tests (tests/deploy) start servers of their own, as a newcomer and a
sysadmin would, and need none of the integration suite's; tools/kt-test runs them as
the stage `deploy`.  By hand, from the checkout:
    /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/deploy
"""

import pytest

from deploylib import ROOT, run


@pytest.fixture(scope="session")
def built():
    """The module and kt-admin, built (make test has built them; by hand, make does)."""
    run(["make", "-s", "mod_kotoutuminen.so", "build/kt-admin"], cwd=ROOT, timeout=600)
    return ROOT
