"""Headless Chromium driven by Selenium, for the browser tests and ``bench web``.

The browser is the system's (Debian's ``chromium`` and ``chromium-driver``); nothing
downloads one. :func:`find_chromium` says where they are, or None.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from dateline.errors import ConfigError

#: Where Debian and other systems put the browser and its driver.
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)
_EXTRA_DRIVERS = (Path("/usr/bin/chromedriver"), Path("/usr/lib/chromium/chromedriver"))


def find_chromium() -> tuple[str, str] | None:
    """(browser, driver) paths of an installed Chromium and its driver, or None."""
    browser = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    driver = next((shutil.which(name) for name in DRIVERS if shutil.which(name)), None)
    if driver is None:
        driver = next((str(p) for p in _EXTRA_DRIVERS if p.is_file()), None)
    return (browser, driver) if browser and driver else None


def chromium(width: int = 1280, height: int = 900):
    """A new headless Chromium WebDriver (the caller quits it)."""
    found = find_chromium()
    if found is None:
        raise ConfigError("no Chromium found: install Debian's `chromium` and "
                          "`chromium-driver` (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        raise ConfigError("selenium is not installed: pip install \".[test]\"") from exc
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--window-size={width},{height}",
                     "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                     "--disable-background-networking", "--disable-sync"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
