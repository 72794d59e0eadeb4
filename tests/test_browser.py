"""The web page in a real browser: Chromium from the OS packages, driven by Selenium through the
OS's chromedriver (nothing is downloaded at run time). On Debian or Ubuntu:
`apt-get install chromium chromium-driver` (.ci/run does it). Elsewhere set LEXCASE_CHROMIUM and
LEXCASE_CHROMEDRIVER to their paths; LEXCASE_SKIP_BROWSER=1 skips these tests, and says so.
LEXCASE_SCREENSHOT=docs/web-page.png saves the page with the article's case.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT = 60  # seconds a step may take on a loaded CI machine before the test gives up


def _binary(variable: str, *names: str) -> str:
    found = os.environ.get(variable) or next(filter(None, map(shutil.which, names)), None)
    if found is None:
        raise RuntimeError(
            f"no {names[0]} found: install the OS package (apt-get install chromium "
            f"chromium-driver), set {variable}, or set LEXCASE_SKIP_BROWSER=1 to skip"
        )
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if os.environ.get("LEXCASE_SKIP_BROWSER") == "1":
        pytest.skip("LEXCASE_SKIP_BROWSER=1: the browser tests were not run")
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("LEXCASE_CHROMIUM", "chromium", "chromium-browser")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1400,2000",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(
        service=Service(_binary("LEXCASE_CHROMEDRIVER", "chromedriver")), options=options
    )
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def _wait_for(driver: WebDriver, css: str) -> None:
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))


def _load(browser: WebDriver, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, WAIT).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
    )


def test_a_caseworker_enters_the_articles_case_tries_a_what_if_and_opens_the_memo(
    browser: WebDriver, live_server: str, zhilin_text: str
) -> None:
    _load(browser, live_server + "/")
    editor = browser.find_element(By.ID, "case-text")
    editor.clear()
    editor.send_keys(zhilin_text)  # typed, as a caseworker pasting the file would
    browser.execute_script("document.getElementById('as-of').value = '2022-09-27'")
    _wait_for(browser, "#check.valid")
    # the form reads the facts out of the text
    checkpoint = Select(browser.find_element(By.NAME, "crossing.at_checkpoint"))
    assert checkpoint.first_selected_option.get_attribute("value") == "false"

    browser.find_element(By.ID, "evaluate").click()
    _wait_for(browser, '#outcomes-law article[data-rule="kz.cc.392.1"]')
    prosecution = browser.find_element(By.CSS_SELECTOR, 'article[data-rule="kz.cc.392.1"]')
    assert "prosecutes him for illegal border crossing" in prosecution.text
    link = prosecution.find_element(By.CSS_SELECTOR, ".sources a")
    assert link.get_attribute("href").startswith("https://adilet.zan.kz/")
    assert browser.find_elements(By.CSS_SELECTOR, "#outcomes-practice article")
    assert browser.find_elements(By.CSS_SELECTOR, "#questions li.question")
    if os.environ.get("LEXCASE_SCREENSHOT"):
        Path(os.environ["LEXCASE_SCREENSHOT"]).parent.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(os.environ["LEXCASE_SCREENSHOT"])

    Select(browser.find_element(By.ID, "what-if-path")).select_by_visible_text(
        "crossing.at_checkpoint"
    )
    browser.find_element(By.ID, "what-if-value").send_keys("true")
    browser.find_element(By.ID, "what-if-try").click()
    _wait_for(browser, '#what-if-result li.change-vanishes[data-rule="kz.cc.392.1"]')

    browser.find_element(By.ID, "compare").click()
    _wait_for(browser, '#comparison .column[data-host="AM"]')

    first = browser.current_window_handle
    browser.find_element(By.ID, "memo").click()
    WebDriverWait(browser, WAIT).until(lambda d: len(d.window_handles) == 2)
    browser.switch_to.window(next(h for h in browser.window_handles if h != first))
    _wait_for(browser, "article.memo footer")
    memo = browser.find_element(By.CSS_SELECTOR, "article.memo").text
    assert "Kazakhstan prosecutes him" in memo
    assert "not legal advice" in memo
    browser.close()
    browser.switch_to.window(first)


def test_a_wrong_value_is_shown_at_its_field(browser: WebDriver, live_server: str) -> None:
    _load(browser, live_server + "/")
    editor = browser.find_element(By.ID, "case-text")
    editor.clear()
    editor.send_keys("case_id: x\nas_of: 2022-01-01\ncrossing:\n  at_checkpoint: maybe\n")
    _wait_for(browser, "label.fact.invalid")
    field = browser.find_element(By.CSS_SELECTOR, '[data-error-for="crossing.at_checkpoint"]')
    assert "true or false" in field.text
    assert (
        "line 4" in browser.find_element(By.ID, "check").text
        or ":4:" in browser.find_element(By.ID, "check").text
    )


def test_the_form_writes_into_the_case_text(browser: WebDriver, live_server: str) -> None:
    _load(browser, live_server + "/?lang=ru")
    browser.find_element(By.ID, "seed-zhilin").click()
    _wait_for(browser, '#result article[data-rule="kz.cc.392.1"]')
    assert "Прогноз" in browser.find_element(By.ID, "result").text
    Select(browser.find_element(By.NAME, "crossing.at_checkpoint")).select_by_value("true")
    WebDriverWait(browser, WAIT).until(
        lambda d: "at_checkpoint: true" in d.find_element(By.ID, "case-text").get_attribute("value")
    )
