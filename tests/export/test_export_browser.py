"""The HTML report in a real headless Chromium: opens offline, toggles, explains, fits.

Needs the Debian package `chromium` and the Python package `playwright` (its own browser
download is never used); skips with a reason when either is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.export import render

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("SLANT_SCREENSHOTS", "/tmp"))

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def report(tmp_path, analysis) -> str:
    path = tmp_path / "report.html"
    path.write_text(render(analysis, "html"), encoding="utf-8")
    return path.as_uri()


def open_page(browser, url, width, height=900, scheme="light"):
    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))

    def only_local(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(url)
    return page, errors, outside


def visible_styles(page, selector):
    return page.eval_on_selector(selector, """el => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.fontStyle, s.fontWeight, s.textDecorationLine,
                s.borderBottomStyle, s.outlineStyle];
    }""")


@pytest.mark.parametrize("width,height,scheme", [(1280, 900, "light"), (390, 844, "dark")])
def test_opens_offline_and_fits(browser, report, width, height, scheme):
    page, errors, outside = open_page(browser, report, width, height, scheme)
    assert page.title() == "Harbour <bridge> plan & the *budget* · slant report"
    assert page.locator("main p").count() == 5
    widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth,"
                           " window.innerWidth]")
    assert max(widths[:2]) <= widths[2], f"horizontal overflow at {width}px: {widths}"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark = sum(int(x) for x in background[4:-1].split(",")[:3]) < 200
    assert dark == (scheme == "dark")
    page.focus("main mark.hl-opinion[data-first]")
    page.screenshot(path=str(SHOTS / f"slant_report_{width}.png"), full_page=True)
    assert errors == [] and outside == []
    page.close()


def test_toggle_hides_and_restores_highlights(browser, report):
    page, errors, _ = open_page(browser, report, 1280)
    quote = "main mark.hl-quotes[data-first]"
    shown = visible_styles(page, quote)
    assert shown[1] == "italic"
    page.click("label.t-quotes")
    assert not page.evaluate("document.body.classList.contains('show-quotes')")
    hidden = visible_styles(page, quote)
    assert hidden[0] == "rgba(0, 0, 0, 0)" and hidden[1] == "normal"
    assert page.eval_on_selector(quote, "el => el.tabIndex") == -1
    # other categories are untouched
    assert visible_styles(page, "main mark.hl-officials[data-first]")[2] == "700"
    page.click("label.t-quotes")
    assert visible_styles(page, quote) == shown
    assert page.eval_on_selector(quote, "el => el.tabIndex") == 0
    # each highlight kind has a cue besides colour
    assert visible_styles(page, "main mark.hl-officials")[4] == "solid"
    assert visible_styles(page, "main mark.hl-figures")[5] == "dashed"
    assert "underline" in visible_styles(page, "main mark.hl-opinion")[3]
    assert errors == []
    page.close()


def test_hover_shows_the_explanation(browser, report):
    page, errors, _ = open_page(browser, report, 1280)
    tip = page.locator("#tip")
    assert tip.is_hidden()
    page.hover("main mark.hl-figures[data-first]")
    assert tip.is_visible()
    assert "A figure (money) of 40,000,000 USD." in tip.inner_text()
    # an opinion word inside a quote explains both layers
    page.hover("main mark.hl-quotes mark.hl-opinion")
    text = tip.inner_text()
    assert "Loaded language" in text and "Said by Ana Ruiz" in text
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    # with quotes switched off, only the opinion layer is explained
    page.click("label.t-quotes")
    page.hover("main mark.hl-figures[data-first]")
    page.hover("main mark.hl-quotes mark.hl-opinion")
    assert "Said by" not in tip.inner_text()
    assert errors == []
    page.close()


def test_keyboard_focus_shows_the_explanation(browser, report):
    page, errors, _ = open_page(browser, report, 390, 844)
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hl')"):
            break
    active = page.evaluate("[document.activeElement.dataset.cat, "
                           "document.activeElement.getAttribute('aria-describedby')]")
    assert active == ["officials", "tip"]
    tip = page.locator("#tip")
    assert tip.is_visible() and "Ana Ruiz: Mayor, Harbour City." in tip.inner_text()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.cat") == "figures"
    assert tip.is_visible()
    assert errors == []
    page.close()
