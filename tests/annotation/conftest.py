"""Fixtures shared by the annotation suites."""

import pytest

from tests.annotation._intake_server import LocalServer


@pytest.fixture
def server():
    """A local HTTP server on 127.0.0.1 that serves what the test routes to it."""
    s = LocalServer()
    yield s
    s.close()
