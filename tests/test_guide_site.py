"""The built guide, as a reader sees it: built once, served over HTTP, opened in Chromium.

The site is built with ``mkdocs build --strict`` into a temporary folder (once per test
session), served by a stdlib HTTP server on 127.0.0.1, and driven with Selenium through the
system's chromedriver (Debian's ``chromium`` and ``chromium-driver``, installed by
``scripts/setup.sh``): no browser is downloaded. Screenshots go to ``artifacts/guide/``.

A second group of tests builds small copies of the guide with a broken example and checks that
the build fails.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts" / "guide"
MKDOCS = Path(sys.executable).parent / "mkdocs"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _build(config: Path, site: Path, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--config-file", str(config), "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False, env=env,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole guide, built once with --strict."""
    target = tmp_path_factory.mktemp("guide") / "site"
    started = time.perf_counter()
    done = _build(ROOT / "mkdocs.yml", target)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stdout + done.stderr
    print(f"mkdocs build --strict: {seconds:.0f} s")
    return target


# --- the built files --------------------------------------------------------------------------


def test_every_chapter_and_reference_page_is_built(site: Path) -> None:
    for chapter in ("st96", "install", "reading", "validation", "domains", "converting",
                    "extensions", "testing"):
        assert (site / chapter / "index.html").is_file(), chapter
    for namespace in ("common", "patent", "trademark", "design", "geographical-indication",
                      "copyright"):
        assert (site / "reference" / namespace / "index.html").is_file(), namespace
    documents = [p for p in (site / "reference" / "documents").iterdir() if p.is_dir()]
    assert len(documents) == 28
    assert (site / "reference" / "structures" / "index.html").is_file()


def test_examples_show_their_real_output(site: Path) -> None:
    page = (site / "reading" / "index.html").read_text(encoding="utf-8")
    assert "ULTRABOOK" in page  # printed by an example, not written in the page source
    assert "Traceback" not in page


def test_a_component_entry_has_definition_type_children_usage_and_class(site: Path) -> None:
    page = (site / "reference" / "common" / "a" / "index.html").read_text(encoding="utf-8")
    start = page.index('id="ApplicationNumber"')
    entry = page[start:page.index('id="ApplicationNumberText"')]
    assert "Numbers used by IPOs" in entry  # the schema's documentation, from the package
    assert "com:ApplicationNumberType" in entry
    assert "com:ST13ApplicationNumber" in entry and "choice" in entry
    assert "Contained in" in entry and "Documents" in entry
    assert "st96kit.models.v6_0.common.ApplicationNumber" in entry


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def test_reference_links_resolve(site: Path) -> None:
    """Every link of the document pages (raw HTML trees included) reaches a page and anchor."""
    parsed: dict[Path, _Links] = {}

    def links(page: Path) -> _Links:
        if page not in parsed:
            reader = _Links()
            reader.feed(page.read_text(encoding="utf-8"))
            parsed[page] = reader
        return parsed[page]

    pages = [site / "reference" / "structures" / "index.html",
             *(site / "reference" / "documents").glob("*/index.html")]
    checked = 0
    for page in pages:
        base = "/" + page.relative_to(site).as_posix()
        for href in links(page).hrefs:
            if urlparse(href).scheme or href.startswith("#"):
                continue
            url, fragment = urldefrag(urljoin(base, href))
            target = site / unquote(url).lstrip("/")
            if target.is_dir() or not target.suffix:
                target = target / "index.html"
            assert target.is_file(), f"{page}: {href}"
            if fragment:
                assert fragment in links(target).ids, f"{page}: {href}"
            checked += 1
    assert checked > 1000


# --- in a browser ---------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("needs Debian's chromium and chromium-driver (scripts/setup.sh installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, url: str) -> list[dict[str, Any]]:
    """Load a page; return its console messages of level SEVERE."""
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(url)
    time.sleep(0.5)
    return [m for m in browser.get_log("browser") if m.get("level") == "SEVERE"]


def _screenshot(browser: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize(
    ("name", "path", "text"),
    [
        ("home", "", "Getting started with ST.96"),
        ("chapter-reading", "reading/", "Lax mode and its loss report"),
        ("reference-common-a", "reference/common/a/", "ApplicationNumber"),
        ("reference-document", "reference/documents/TrademarkApplication/", "Structure"),
    ],
)
def test_page_renders_without_console_errors(browser: Any, server: str, name: str, path: str,
                                             text: str) -> None:
    errors = _open(browser, server + path)
    _screenshot(browser, name)
    assert text in browser.find_element("tag name", "body").text
    assert errors == []


def test_search_finds_application_number(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    errors = _open(browser, server)
    browser.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    field = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    field.send_keys("ApplicationNumber")
    result_item = (By.CSS_SELECTOR, ".md-search-result__item")
    WebDriverWait(browser, 60).until(expected_conditions.presence_of_element_located(result_item))
    results = browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
    _screenshot(browser, "search-application-number")
    links = [a.get_attribute("href") or ""
             for r in results for a in r.find_elements(By.TAG_NAME, "a")]
    entry = re.compile(r"/reference/common/a/(\?h=[^#]*)?#ApplicationNumber$")
    assert any(entry.search(link) for link in links), links
    assert errors == []


# --- a broken example fails the build ---------------------------------------------------------


def _guide_copy(tmp_path: Path, example: str) -> Path:
    """A small copy of the guide (its configuration and home page) plus one page."""
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = tmp_path / "guide"
    shutil.copytree(ROOT / "guide" / "assets", docs / "assets")
    shutil.copy(ROOT / "guide" / "index.md", docs / "index.md")
    (docs / "broken.md").write_text(f"# A page\n\n{example}\n", encoding="utf-8")
    config.update(
        docs_dir=str(docs),
        hooks=[str(ROOT / "docs_hooks" / "guide_hooks.py")],
        nav=[{"Home": "index.md"}, {"Page": "broken.md"}],
        extra={"st96_reference": False},
    )
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


_PAGE_LINKS = re.compile(r"\]\((?!https?:)[^)]*\)")


@pytest.fixture
def guide_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy runs from its own folder: name the shared data absolutely."""
    monkeypatch.setenv("ST96KIT_SCHEMAS", str(ROOT.parent / "shared" / "st96" / "schemas" / "V6_0"))


GOOD = '```python exec="on" source="above" result="text"\nprint(6 * 7)\n```'
BROKEN_PYTHON = '```python exec="on" source="above" result="text"\nprint(1 / 0)\n```'
BROKEN_CONSOLE = '```console exec="on" source="console"\n$ st96kit no-such-command\n```'


def _home_without_links(config: Path) -> None:
    home = Path(yaml.safe_load(config.read_text(encoding="utf-8"))["docs_dir"]) / "index.md"
    text = home.read_text(encoding="utf-8")
    # the copy has no other chapters and no reference: keep link texts, drop their targets
    home.write_text(_PAGE_LINKS.sub("]", text).replace("../shared/", str(ROOT.parent) + "/shared/"),
                    encoding="utf-8")


def test_the_guide_copy_builds_with_a_working_example(tmp_path: Path, guide_home: None) -> None:
    config = _guide_copy(tmp_path, GOOD)
    _home_without_links(config)
    done = _build(config, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "42" in (tmp_path / "site" / "broken" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("example", [BROKEN_PYTHON, BROKEN_CONSOLE], ids=["python", "console"])
def test_a_broken_example_fails_the_strict_build(tmp_path: Path, guide_home: None,
                                                 example: str) -> None:
    config = _guide_copy(tmp_path, example)
    _home_without_links(config)
    done = _build(config, tmp_path / "site")
    assert done.returncode != 0
    assert "code block" in done.stderr and "exited with" in done.stderr, done.stderr
