"""In a real browser — Debian's Chromium driven by Playwright, against uvicorn on a free loopback port:
from the story list to the seed story, where the Biden conflict ("US President" vs "US Vice President")
is shown with both quotes highlighted; and articles full of scripts and event handlers run nothing.

Screenshots go to ``screenshots/`` at the repository root (git-ignored).
"""

from __future__ import annotations

import re

import httpx
import pytest

from newsprism import Prism, Settings
from newsprism.api import create_app

from ..conftest import ROOT
from .conftest import TOKEN, LiveServer, copy_sqlite

pytestmark = pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = ROOT / "screenshots"

SCRIPTS = ('<script>window.__xss=1;alert(1)</script><img src=x onerror="window.__xss=2;alert(2)">'
           '<svg onload="window.__xss=3"></svg><a href="javascript:window.__xss=4">link</a>')


# The story headline is its most representative title, which may be either seed's.
SEED_HEADLINE = re.compile(r"Putin (travels to|arrives in) Iran")


@pytest.fixture(scope="module")
def live(seeded_url, tmp_path_factory):
    url = copy_sqlite(seeded_url, tmp_path_factory.mktemp("browser"))
    with LiveServer(create_app(Settings(database_url=url, api_token=TOKEN))) as server:
        server.database_url = url
        yield server


@pytest.fixture(scope="module")
def browser(chromium_path, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh user-data-dir
            executable_path=chromium_path,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture()
def page(browser):
    """A page that records console errors, uncaught errors and dialogs (an alert() would be one)."""
    page = browser.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    page.close()


def test_from_the_story_list_to_the_biden_conflict(live, page):
    from playwright.sync_api import expect

    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(f"{live.url}/")
    row = page.locator(".story-row").filter(has_text=SEED_HEADLINE)
    expect(row).to_contain_text("2 sources")
    expect(row.locator(".badge-conflict")).to_be_visible()
    row.get_by_role("link", name=SEED_HEADLINE).click()
    page.wait_for_url(re.compile(r"/stories/s[0-9a-f]+$"))
    expect(page.locator("h1")).to_contain_text(SEED_HEADLINE)

    finding = page.locator('.finding[data-label="contradicted"][data-kind="title"]').filter(has_text="Biden")
    expect(finding).to_be_visible()
    marks = finding.locator("mark")
    expect(marks).to_have_count(2)
    assert sorted(marks.all_inner_texts()) == ["US President", "US Vice President"]
    for mark in marks.all():
        expect(mark).to_be_visible()
        background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
        sentence = mark.evaluate("m => m.parentElement.textContent")
        assert "Joe Biden" in sentence  # the quote is shown inside its sentence

    finding.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "story-seeds.png"))
    page.screenshot(path=str(SCREENSHOTS / "story-seeds-full.png"), full_page=True)
    page.locator("#findings").screenshot(path=str(SCREENSHOTS / "story-biden-conflict.png"))

    # The quote's link outlines the same words in the source text, side by side with the other source.
    vice = finding.locator(".quote").filter(has=page.locator("mark", has_text="US Vice President"))
    vice.locator(".quote-source").click()
    target = page.locator(".column .ev-contradicted.hot")
    expect(target).to_have_text("US Vice President")
    expect(target).to_be_in_viewport()
    # Turning a highlight layer off is pure CSS.
    loaded = page.locator(".column .loaded").first
    before = loaded.evaluate("m => getComputedStyle(m).backgroundColor")
    page.locator("label[for=show-loaded]").click()
    assert loaded.evaluate("m => getComputedStyle(m).backgroundColor") != before

    # On a phone the page fits the screen's width; the sources still sit side by side (swipe).
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    expect(page.locator('.finding[data-label="contradicted"] mark').first).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "story-seeds-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.problems == []


def test_articles_full_of_scripts_run_nothing(live, page):
    text_article = {
        "title": f"Harbour closes {SCRIPTS}",
        "text": f"The harbour of Valmara closed on Monday {SCRIPTS} after a storm damaged the piers, the port authority "
                f"said.\n\nOfficials said repairs would take weeks, and \"{SCRIPTS}\" was all the mayor wrote.",
        "source": f'"><script>window.__xss=5</script><b onmouseover="window.__xss=6">',
        "url": 'https://evil.example/"><script>window.__xss=7</script>',
    }
    html_article = {
        "html": "<html><head><title>Storm <script>window.__xss=8</script></title>"
                "<meta property=\"og:title\" content=\"Storm &lt;img src=x onerror=window.__xss=9&gt;\"></head>"
                "<body onload=\"window.__xss=10\"><article><h1>Storm in Harwick <img src=x onerror=\"window.__xss=11\"></h1>"
                "<p>The storm in Harwick tore roofs off twelve houses on Sunday night, the fire service said.</p>"
                "<script>window.__xss=12</script><p onclick=\"window.__xss=13\">Power was back by Monday morning "
                "&lt;script&gt;window.__xss=14&lt;/script&gt; in most streets.</p></article></body></html>",
        "source": "harwick.example",
    }
    auth = {"Authorization": f"Bearer {TOKEN}"}
    ids = []
    for body in (text_article, html_article):
        r = httpx.post(f"{live.url}/api/articles", json=body, headers=auth, timeout=120)
        assert r.status_code == 201, r.text
        ids.append((r.json()["article_id"], r.json()["story_id"]))
    # A javascript: URL cannot come through the API; an ingested file could carry one.
    prism = Prism(live.database_url)
    report = prism.ingest_texts([{"title": "Ferry link", "text": "The ferry to the islands is running again on Tuesday, "
                                  "the operator said.", "url": "javascript:window.__xss=15"}])
    prism.close()
    assert report.accepted == 1

    pages = ["/", "/search?q=harbour", "/search?q=<script>window.__xss=16</script>", "/api/docs",
             "/stories/nope<script>window.__xss=17</script>"]
    for article_id, story_id in ids:
        pages += [f"/stories/{story_id}", f"/articles/{article_id}"]
    for path in pages:
        page.goto(live.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.locator("script:not([src])").count() == 0, path
        assert page.evaluate("Array.from(document.querySelectorAll('*')).some(e => "
                             "Array.from(e.attributes).some(a => a.name.startsWith('on')))") is False, path
        assert page.locator('a[href^="javascript:" i]').count() == 0, path
    # The words are shown, as words.
    page.goto(f"{live.url}/stories/{ids[0][1]}")
    assert page.get_by_text("<script>window.__xss=1;alert(1)</script>").first.is_visible()
    not_found = [p for p in page.problems if "status of 404" in p]
    assert len(not_found) == 1  # the /stories/nope… page, as expected
    assert [p for p in page.problems if p not in not_found] == []
    assert page.evaluate("typeof window.__xss") == "undefined"
