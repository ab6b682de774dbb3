#!/usr/bin/env python3
"""Screenshots of the public site and the desk in Arabic, at desktop (1280 px) and phone (390 px) width,
into docs/screenshots/. Uses Playwright with Debian's Chromium (/usr/bin/chromium); never downloads a browser.

Against a running demo (`make run`, which writes var/demo_credentials):

    .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--credentials var/demo_credentials]

Look at every image afterwards: right-to-left layout, Arabic punctuation and numbers, nothing overlapping.
"""

import argparse
import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WIDTHS = {"desktop": 1280, "phone": 390}


def credentials(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return dict(line.split(" ", 1) for line in lines if " " in line)


def first_link(page, selector, pattern):
    """The first link on the page whose address matches: the demo's incidents, places and articles."""
    for href in page.locator(selector).evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        if href and re.search(pattern, href):
            return href
    return None


def shoot(page, name, width, *, full_page=True):
    path = OUT / f"{name}-{width}.png"
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(path), full_page=full_page)
    print(path.relative_to(ROOT))


def public_pages(page, width):
    page.goto("/ar/")
    shoot(page, "public-list", width, full_page=width == "desktop")
    incident = first_link(page, ".incident-list a", r"/ar/incidents/[A-Z]{3}-")
    if width == "phone":
        page.locator("#filter-panel > summary").click()
        shoot(page, "public-list-filters-open", width, full_page=False)
    if incident:
        page.goto(incident)
        shoot(page, "public-incident", width)
        place = first_link(page, "main a", r"/ar/places/\d+/")
        if place:
            page.goto(place)
            shoot(page, "public-place", width)
    page.goto("/ar/stats/")
    shoot(page, "public-stats", width)
    page.goto("/ar/map/")
    page.wait_for_selector(".leaflet-overlay-pane path")
    shoot(page, "public-map", width, full_page=False)
    page.goto("/ar/no-such-page/")
    shoot(page, "not-found", width, full_page=False)


def login(page, username, password):
    page.goto("/ar/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def desk_pages(browser, base_url, width, creds):
    context = browser.new_context(locale="ar", viewport={"width": WIDTHS[width], "height": 900}, base_url=base_url)
    page = context.new_page()
    login(page, "editor", creds["editor"])
    page.goto("/ar/desk/")
    shoot(page, "desk-dashboard", width)
    page.goto("/ar/desk/intake/")
    shoot(page, "desk-intake", width)
    article = first_link(page, "a", r"/ar/desk/articles/\d+/review/") or first_link(page, "a", r"/review/")
    page.goto("/ar/desk/")
    article = article or first_link(page, "a", r"/ar/desk/articles/\d+/review/")
    if article:
        page.goto(article)
        shoot(page, "desk-review", width)
        number = re.search(r"/articles/(\d+)/", article).group(1)
        page.goto(f"/ar/desk/incidents/new/?article={number}")
        shoot(page, "desk-incident-form", width)
    context.close()
    context = browser.new_context(locale="ar", viewport={"width": WIDTHS[width], "height": 900}, base_url=base_url)
    page = context.new_page()
    login(page, "reviewer", creds["reviewer"])
    page.goto("/ar/desk/incidents/")
    shoot(page, "desk-queue", width)
    # An incident in review if there is one, else the demo's first (published) one: its history.
    incident = first_link(page, "a", r"/ar/desk/incidents/\d+/") or "/ar/desk/incidents/1/"
    page.goto(re.sub(r"/(\d+)/.*$", r"/\1/approve/", incident))
    shoot(page, "desk-approve", width)
    context.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--credentials", default=str(ROOT / "var" / "demo_credentials"))
    parser.add_argument("--only", choices=sorted(WIDTHS), help="one width only")
    args = parser.parse_args()
    creds = credentials(args.credentials)
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        for width in [args.only] if args.only else list(WIDTHS):
            context = browser.new_context(locale="ar", viewport={"width": WIDTHS[width], "height": 900}, base_url=args.base_url)
            public_pages(context.new_page(), width)
            context.close()
            desk_pages(browser, args.base_url, width, creds)
        browser.close()


if __name__ == "__main__":
    main()
