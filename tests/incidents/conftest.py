"""The published world most public-site tests read (tests/incidents/public_data.py)."""

import pytest

from tests.incidents.public_data import build_world


@pytest.fixture
def world(editor, reviewer):
    return build_world(editor, reviewer)
