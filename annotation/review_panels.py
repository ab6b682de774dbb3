"""What the apps above annotation add to the review screen.

annotation imports nothing from those apps (``make lint`` checks it with import-linter). They register a
provider here from their ``AppConfig.ready()`` instead: the incidents app adds the incidents an article
supports and the buttons that draft one from it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReviewPanel:
    """Two templates rendered on the review page: buttons beside the title, and a block under it."""

    actions_template: str
    template: str
    context: dict = field(default_factory=dict)


_providers: list[Callable[..., ReviewPanel | None]] = []


def review_panel_register(provider: Callable[..., ReviewPanel | None]) -> None:
    """Add ``provider(*, article) -> ReviewPanel | None`` to every review page (once, however often called)."""
    if provider not in _providers:
        _providers.append(provider)


def review_panels(*, article) -> list[ReviewPanel]:
    """The panels for one article, in registration order."""
    return [panel for provider in _providers if (panel := provider(article=article)) is not None]
