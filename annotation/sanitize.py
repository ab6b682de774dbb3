"""Sanitising fetched or uploaded HTML before it is stored (Article.raw_html) or rendered.

Only structural markup survives: no scripts, styles, event handlers, forms, frames, images or
`javascript:` links. Intake calls `clean_html` on every raw HTML it keeps; templates still escape
article text, which is plain text.
"""

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "article", "b", "blockquote", "br", "caption", "cite", "code", "div", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p",
        "pre", "q", "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"dir", "lang", "title"},
    "a": {"href"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
# Dropped together with their content (the others are unwrapped, their text kept).
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title", "select", "textarea"}
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_html(html):
    """Return `html` reduced to safe structural markup (a string; empty for None/empty input)."""
    if not html:
        return ""
    return nh3.clean(
        str(html),
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
