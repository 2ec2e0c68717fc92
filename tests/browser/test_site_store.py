"""The browser store under pressure (issue 20, cases 6 to 8): two tabs saving at once,
a save in one tab while the learner types in another, storage filled by another app,
and question ids that name JavaScript's own properties. Every check waits for the state
it checks; none waits for time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_site_answers import STORED, open_module, stored

pytestmark = pytest.mark.browser

SAVES = 80
"""Saves each tab makes in the two-tab test (160 in all, each to its own question)."""


@pytest.fixture
def two_tabs(offline_page):
    """Two pages of one browser context (so they share storage), both on a module."""
    first = offline_page
    second = first.context.new_page()
    second.errors = []
    second.on("pageerror", lambda err: second.errors.append(str(err)))
    return first, second


def seed_large(page, size: int = 120_000) -> None:
    """Answers of about ``size`` characters in this browser's storage, before the test."""
    page.evaluate(
        """(size) => { const store = CourseAnswers.page.store;
             const ids = Object.keys(COURSE_DATA.prompts).filter(
               (id) => COURSE_DATA.prompts[id].kind === 'text');
             for (let n = 0; n * 20000 < size; n += 1) {
               store.save(ids[n % ids.length] + (n >= ids.length ? '.copy' + n : ''),
                          String(n).repeat(20000)); } }""",
        size,
    )


def test_two_tabs_saving_different_questions_lose_nothing(two_tabs, site: str) -> None:
    """Two tabs save different questions every few milliseconds over 120 KB of answers:
    every save is there afterwards (the whole-workbook store lost 1 to 3 in 120)."""
    first, second = two_tabs
    open_module(first, site, "mindset")
    seed_large(first)
    open_module(second, site, "complexity")
    start = """([tab, saves]) => { window.done = 0; let n = 0;
        const timer = setInterval(() => {
          CourseAnswers.page.store.save(`load.${tab}.${n}`, `${tab} ${n} ` + 'x'.repeat(900));
          CourseAnswers.page.changed();
          n += 1; window.done = n;
          if (n === saves) clearInterval(timer);
        }, 2); }"""
    first.evaluate(start, ["a", SAVES])
    second.evaluate(start, ["b", SAVES])
    for page in (first, second):
        page.wait_for_function("(saves) => window.done === saves", arg=SAVES)
    kept = stored(first)
    lost = [
        f"{tab}.{n}"
        for tab in "ab"
        for n in range(SAVES)
        if not kept.get(f"load.{tab}.{n}", {}).get("value", "").startswith(f"{tab} {n} ")
    ]
    assert lost == [], f"{len(lost)} of {2 * SAVES} saves lost"
    assert sum(len(json.dumps(a)) for a in kept.values()) > 200_000
    assert first.errors == [] and second.errors == []


def status_of(page, pid: str):
    return page.locator(f".course-static-form[data-prompt='{pid}'] .course-status")


def test_a_save_in_one_tab_never_wipes_typing_in_the_other(two_tabs, site: str) -> None:
    """Typing in one tab survives another tab's save of the same question; the status
    line says so plainly and the learner keeps either answer."""
    first, second = two_tabs
    pid = "mindset.my-innovation"
    for page in (first, second):
        open_module(page, site, "mindset")
    typing = second.locator("#ex-mindset-my-innovation")
    typing.click()
    typing.press_sequentially("Typed in the second tab")
    expect(status_of(second, pid)).to_contain_text("Saved on this device")  # she types on
    other = first.locator("#ex-mindset-my-innovation")
    expect(other).to_have_value("Typed in the second tab")  # the first tab was not busy
    other.fill("Saved in the first tab")
    other.blur()
    expect(status_of(first, pid)).to_contain_text("Saved on this device")
    expect(status_of(second, pid)).to_contain_text("Another tab saved a different answer")
    expect(typing).to_have_value("Typed in the second tab")
    expect(status_of(second, pid)).not_to_contain_text("Kept on this device")
    typing.press_sequentially(", still typing")
    typing.blur()  # leaving the box does not save over the other tab's answer
    assert stored(second)[pid]["value"] == "Saved in the first tab"
    expect(typing).to_have_value("Typed in the second tab, still typing")
    second.get_by_role("button", name="Keep my answer from this tab").click()
    expect(status_of(second, pid)).to_contain_text("Saved on this device")
    assert stored(second)[pid]["value"] == "Typed in the second tab, still typing"
    expect(other).to_have_value("Typed in the second tab, still typing")  # not busy: refilled
    expect(status_of(first, pid)).to_contain_text("Kept on this device")
    assert first.errors == [] and second.errors == []


FILL_STORAGE = """() => { let size = 1 << 20, n = 0;
    while (size >= 1) {
      try { localStorage.setItem('another-app:' + n, 'z'.repeat(size)); n += 1; }
      catch { size = Math.floor(size / 2); }
    }
    return n; }"""
"""What another app on the same site does: fill the storage to the last character."""


def test_full_storage_keeps_showing_and_downloading_every_answer(offline_page, site: str) -> None:
    """Another app fills the quota: the page still shows what is stored, holds what is
    typed in the tab, says so in one sentence, downloads both, and a reload keeps both."""
    page = offline_page
    open_module(page, site, "mindset")
    choice = page.locator(".course-static-form[data-kind=choice] input[type=radio]").first
    choice.check()
    choice_pid = choice.locator("xpath=ancestor::div[@data-prompt]").get_attribute("data-prompt")
    page.wait_for_function(f"(pid) => ({STORED})()[pid] !== undefined", arg=choice_pid)
    assert page.evaluate(FILL_STORAGE) > 0
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    expect(choice).to_be_checked()  # still shown: the stored answers are still read
    count = page.locator(".course-device-count")
    expect(count).to_contain_text("no room left")
    text = page.locator("#ex-mindset-my-innovation")
    text.fill("Typed while the storage is full")
    text.blur()
    status = status_of(page, "mindset.my-innovation")
    expect(status).to_contain_text("no room left")
    expect(status).to_contain_text("download your workbook")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my workbook").click()
    answers = json.loads(Path(info.value.path()).read_text())["answers"]
    assert answers["mindset.my-innovation"]["value"] == "Typed while the storage is full"
    assert choice_pid in answers
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    expect(text).to_have_value("Typed while the storage is full")  # held in this tab
    expect(choice).to_be_checked()
    page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('another-app:'))"
                  ".forEach((k) => localStorage.removeItem(k))")  # fmt: skip
    text.fill("Room again")
    text.blur()
    expect(status).to_contain_text("Saved on this device")
    assert stored(page)["mindset.my-innovation"]["value"] == "Room again"
    assert page.errors == []


HOSTILE = ("__proto__", "constructor", "toString", "hasOwnProperty")


def test_hostile_question_ids_in_the_load_preview(offline_page, site: str, tmp_path) -> None:
    """Ids that name JavaScript's own properties load like any other answer."""
    page = offline_page
    open_module(page, site, "mindset")
    answers = {
        pid: {"value": f"about {pid}", "saved_at": "2026-11-29T10:00:00Z"} for pid in HOSTILE
    }
    answers["mindset.my-innovation"] = {
        "value": "A real answer",
        "saved_at": "2026-11-29T10:00:00Z",
    }
    doc = {"format": "spread-course-workbook", "version": 1, "answers": answers}
    path = tmp_path / "workbook.json"
    path.write_text(json.dumps(doc))
    page.set_input_files("#course-load-file", str(path))
    preview = page.locator(".course-import")
    preview.get_by_role("button", name="Load these answers").wait_for()
    for pid in HOSTILE:
        expect(preview).to_contain_text(f"does not have ({pid}): the file's answer")
    preview.get_by_role("button", name="Load these answers").click()
    expect(preview).to_contain_text("Loaded 5 answers")
    kept = stored(page)
    assert {pid: kept[pid]["value"] for pid in HOSTILE} == {p: f"about {p}" for p in HOSTILE}
    expect(page.locator("#ex-mindset-my-innovation")).to_have_value("A real answer")
    assert re.search(r"keeps 5 answers", page.locator(".course-device-count").inner_text())
    assert page.errors == []
