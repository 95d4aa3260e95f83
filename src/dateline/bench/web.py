"""``dateline bench web``: a screenshot of every page, taken by headless Chromium.

Serves a store (``--db``, else one built from the examples) on loopback, opens the
five pages as a reader would (search with a query, the article with most events, the
events page once drawn, the most quoted entity, the quotes), checks that each shows
what it should, and saves ``bench/results/screens/<page>.png`` for a person to look
at. Last line: ``web: pages=5 screenshots=5 drawn=5 js_errors=0``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dateline.bench import RESULTS_DIR, BenchResult
from dateline.errors import BenchError

#: Where the screenshots go.
SCREENS = RESULTS_DIR / "screens"
#: Seconds to wait for a page's drawing.
WAIT = 30


def _pages(db: Path) -> list[tuple[str, str, str]]:
    """(name, path, CSS selector that must match once drawn) of each page."""
    from dateline.store import Store

    with Store(db) as store:
        article = store.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN event_mentions m ON m.article_id = a.id "
            "GROUP BY a.id ORDER BY count(m.id) DESC, a.rowid LIMIT 1").fetchone()
        entity = store.db.execute(
            "SELECT e.name FROM entities e JOIN quotes q ON q.speaker_entity_id = e.id "
            "GROUP BY e.id ORDER BY count(*) DESC, e.name LIMIT 1").fetchone()
    if article is None:
        raise BenchError(f"{db}: holds no article")
    name = entity[0] if entity else None
    word = (name or "the").split()[-1]
    pages = [("search", f"/?q={quote(word)}", "li.hit"),
             ("article", f"/articles/{article[0]}", "article mark.fact"),
             ("events", "/events", "#network path.edge, #timeline rect.bar-q")]
    if name:
        pages.append(("entity", f"/entities/{quote(name)}", "h1.entity-name"))
    pages.append(("quotes", "/quotes", "li.quote-item"))
    return pages


def _drawn(driver, selector: str, events_page: bool) -> bool:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def ready(d) -> bool:
        if events_page and d.find_element(By.TAG_NAME, "body").get_attribute(
                "data-loading") != "false":
            return False
        return bool(d.find_elements(By.CSS_SELECTOR, selector))

    try:
        WebDriverWait(driver, WAIT).until(ready)
        return True
    except Exception:  # a timeout: the page did not draw; the screenshot still shows it
        return False


def shoot(db: Path, out: Path = SCREENS, width: int = 1280, height: int = 1500
          ) -> dict[str, Any]:
    """Serve ``db``, screenshot every page into ``out``; what was seen."""
    from dateline.web import WebConfig
    from dateline.web.browser import chromium
    from dateline.web.live import LiveServer

    out.mkdir(parents=True, exist_ok=True)
    seen: dict[str, Any] = {}
    with LiveServer(WebConfig(db=db)) as server:
        driver = chromium(width, height)
        try:
            for name, path, selector in _pages(db):
                driver.get(server.url + path)
                drawn = _drawn(driver, selector, name == "events")
                time.sleep(0.3)  # let the last paint land
                shot = out / f"{name}.png"
                driver.save_screenshot(str(shot))
                errors = [entry["message"] for entry in driver.get_log("browser")
                          if entry.get("level") == "SEVERE" and "favicon" not in entry["message"]]
                seen[name] = {"path": path, "drawn": drawn, "screenshot": str(shot),
                              "js_errors": errors}
        finally:
            driver.quit()
    return seen


def run(data: Path | None, options: dict[str, Any]) -> BenchResult:
    from dateline.bench.stores import default_inputs, example_store

    db = options.get("db")
    with tempfile.TemporaryDirectory(prefix="dateline-bench-web-") as work:
        if db is None:
            inputs = [str(data)] if data else default_inputs()
            db = Path(work) / "examples.db"
            example_store(db, inputs)
            described = " + ".join(inputs)
        else:
            described = str(db)
        seen = shoot(Path(db))
    figures = {"pages": len(seen), "screenshots": sum(Path(s["screenshot"]).is_file()
                                                      for s in seen.values()),
               "drawn": sum(s["drawn"] for s in seen.values()),
               "js_errors": sum(len(s["js_errors"]) for s in seen.values())}
    return BenchResult(task="web", data=described, figures=figures, details={"pages": seen})
