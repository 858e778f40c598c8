"""conftest.py - the host tests of the POSIX user land: tests/ on the
import path (for scenarios.py) and the host_bin fixture, which builds
build/host/* once per session (`make host-progs`) and returns that
directory.  Helpers live in hostrun.py."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostrun import build_host_programs  # noqa: E402


@pytest.fixture(scope="session")
def host_bin():
    return build_host_programs()
