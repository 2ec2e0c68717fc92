"""One exercise of each kind completed on the website with the keyboard alone.

The test moves only with Tab (and Shift+Tab never), arrows, Space and Enter, and checks
at every stop that the focused element shows a visible focus indicator.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

FOCUS_VISIBLE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return true;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return outline || (s.boxShadow && s.boxShadow !== 'none');
}"""


class Keyboard:
    """Drives one page with the keyboard and checks focus at every step."""

    def __init__(self, page) -> None:
        self.page = page
        self.stops = 0

    def tab_to(self, selector: str, limit: int = 500) -> None:
        """Press Tab until the focused element matches ``selector``."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            self.stops += 1
            assert self.page.evaluate(FOCUS_VISIBLE), "no visible focus on " + self.page.evaluate(
                "() => document.activeElement.outerHTML.slice(0, 120)"
            )
            if self.page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        pytest.fail(f"Tab never reached {selector}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)


@pytest.fixture
def keyboard(offline_page, site):
    def open_page(path: str) -> Keyboard:
        offline_page.goto(f"{site}/book/modules/{path}", wait_until="networkidle")
        return Keyboard(offline_page)

    return open_page


def reload(page) -> None:
    """Leave the field (so the last answer saves), then load the page again."""
    page.keyboard.press("Tab")
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")


def checked(page, name: str) -> list[str]:
    return page.eval_on_selector_all(
        f"input[name='{name}']:checked", "els => els.map(e => e.value)"
    )


def test_text_rating_choice_quiz_and_actions_by_keyboard(keyboard) -> None:
    """Module 1: type a reflection, rate with arrows, choose, check a quiz, plan an action."""
    kb = keyboard("mindset.html")
    page = kb.page
    kb.tab_to("#ex-mindset-my-innovation")
    kb.type("A falls prevention huddle")
    assert page.input_value("#ex-mindset-my-innovation") == "A falls prevention huddle"

    kb.tab_to("input[name='ex-mindset-current-approach-push']")
    kb.press("ArrowRight", "ArrowRight")  # arrows move and select within the scale
    assert checked(page, "ex-mindset-current-approach-push") == ["3"]

    kb.tab_to("input[name='ex-mindset-push-or-pull']")
    kb.press("Space", "ArrowDown")
    assert checked(page, "ex-mindset-push-or-pull") == ["pull"]

    kb.tab_to("input[name='ex-mindset-check-planning']")
    kb.press("ArrowDown")
    assert checked(page, "ex-mindset-check-planning") == ["plan-and-enable"]
    kb.tab_to(".course-exercise summary")
    kb.press("Enter")
    quiz = page.locator(".course-exercise", has_text="Planning and the new mindset")
    answer = quiz.locator("details li", has_text="Plans and programme management stay useful")
    assert answer.is_visible()

    kb.tab_to("#ex-mindset-first-step-1-what-will-you-do")
    kb.type("Visit the community team")
    kb.press("Tab")
    kb.type("Me and the ward manager")
    kb.press("Tab")
    # each part of the date field (whatever the locale's order) set with the arrow keys
    kb.press("ArrowUp", "ArrowRight", "ArrowUp", "ArrowRight", "ArrowUp")
    when = page.input_value("#ex-mindset-first-step-1-by-when")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", when)
    assert kb.stops > 10
    quiz_feedback = quiz.locator(".course-quiz-feedback").inner_text()
    assert quiz_feedback.startswith("Correct.")  # the knowledge check answered back

    reload(page)  # every answer is kept in this browser and shown again
    assert page.input_value("#ex-mindset-my-innovation") == "A falls prevention huddle"
    assert checked(page, "ex-mindset-current-approach-push") == ["3"]
    assert checked(page, "ex-mindset-push-or-pull") == ["pull"]
    assert checked(page, "ex-mindset-check-planning") == ["plan-and-enable"]
    what = page.input_value("#ex-mindset-first-step-1-what-will-you-do")
    assert what == "Visit the community team"
    assert page.input_value("#ex-mindset-first-step-1-by-when") == when


def test_checklist_and_position_by_keyboard(keyboard) -> None:
    """Module 3: tick boxes with Space and place a point on both axes with arrows."""
    kb = keyboard("complexity.html")
    page = kb.page
    first = page.locator("input[name='ex-complexity-signs']").first.get_attribute("value")
    kb.tab_to("input[name='ex-complexity-signs']")
    kb.press("Space", "Tab", "Space")
    ticked = checked(page, "ex-complexity-signs")
    assert len(ticked) == 2 and ticked[0] == first

    kb.tab_to("input[name='ex-complexity-position-x']")
    kb.press("ArrowRight", "ArrowRight", "ArrowRight")
    kb.tab_to("input[name='ex-complexity-position-y']")
    kb.press("ArrowRight")
    assert checked(page, "ex-complexity-position-x") == ["4"]
    assert checked(page, "ex-complexity-position-y") == ["2"]

    reload(page)
    assert checked(page, "ex-complexity-signs") == ticked
    assert checked(page, "ex-complexity-position-x") == ["4"]
    assert checked(page, "ex-complexity-position-y") == ["2"]


def test_list_by_keyboard(keyboard) -> None:
    """Module 7: fill a row of the network list, choosing a role from the list."""
    kb = keyboard("networks.html")
    page = kb.page
    kb.tab_to("#ex-networks-people-1-name-or-role")
    kb.type("Practice nurse lead")
    kb.press("Tab", "ArrowDown")  # first role in the list
    role = page.input_value("#ex-networks-people-1-network-role")
    assert role == "Broker"
    kb.press("Tab")
    kb.type("Knows every surgery in the area")
    assert page.input_value("#ex-networks-people-1-how-they-could-help").startswith("Knows")

    reload(page)
    assert page.input_value("#ex-networks-people-1-name-or-role") == "Practice nurse lead"
    assert page.input_value("#ex-networks-people-1-network-role") == "Broker"


def test_skip_link_reaches_the_first_exercise_in_a_few_keys(keyboard) -> None:
    """From the top of a module, Tab, Tab, Enter and Tab reach the first answer field (66
    presses of Tab did before the skip link); the page scrolls to the whole question."""
    kb = keyboard("mindset.html")
    page = kb.page
    kb.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to main content"
    kb.press("Tab")
    link = page.evaluate("() => document.activeElement.textContent")
    assert link == "Skip to the first exercise"
    assert page.evaluate(FOCUS_VISIBLE)
    kb.press("Enter")
    exercise = page.locator(".course-exercise").first
    assert exercise.evaluate("e => e === document.activeElement")
    assert exercise.get_by_text("The change I want to spread").is_visible()
    kb.tab_to("#ex-mindset-my-innovation", limit=1)
    kb.type("Typed after the skip link")
    assert page.input_value("#ex-mindset-my-innovation") == "Typed after the skip link"
