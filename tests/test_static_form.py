"""The website's plain HTML forms: every control labelled, ids unique, text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from exercises.catalogue import course_catalogue
from exercises.model import Prompt
from exercises.static_form import exercise_html


class FormAudit(HTMLParser):
    """Collects controls, labels, ids and fieldset legends from a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.ids: list[str] = []
        self.open_labels = 0
        self.fieldsets = 0
        self.legends = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "label":
            self.open_labels += 1
            if "for" in a:
                self.label_for.add(a["for"])
        elif tag in ("input", "textarea", "select"):
            self.controls.append({**a, "tag": tag, "wrapped": self.open_labels > 0})
        elif tag == "fieldset":
            self.fieldsets += 1
        elif tag == "legend":
            self.legends += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1


def audit(markup: str) -> FormAudit:
    parser = FormAudit()
    parser.feed(markup)
    return parser


@pytest.mark.parametrize("pid", sorted(course_catalogue().prompts))
def test_every_control_on_the_website_has_a_label(pid: str, catalogue) -> None:
    """Each input is inside a label or named by a label's for=; each fieldset has a legend."""
    page = audit(exercise_html(catalogue.prompt(pid)))
    assert page.controls, f"{pid} shows no controls"
    for control in page.controls:
        assert control["wrapped"] or control.get("id") in page.label_for, (pid, control)
    assert page.fieldsets == page.legends


def test_ids_are_unique_across_every_module_page(catalogue) -> None:
    """No two controls on one module page share an id (labels would point at the wrong one)."""
    modules = [m for m in catalogue.modules.values() if m.prompts]
    assert modules
    for module in modules:
        ids = [i for p in module.prompts for i in audit(exercise_html(p)).ids]
        assert ids and len(ids) == len(set(ids)), module.id


def test_radio_groups_share_a_name_so_arrow_keys_move_within_them(catalogue) -> None:
    """A scale's radios share one name per row, so the keyboard treats them as one group."""
    page = audit(exercise_html(catalogue.prompt("mindset.current-approach")))
    names = {c["name"] for c in page.controls}
    assert len(names) == len(catalogue.prompt("mindset.current-approach").items)


def test_quiz_shows_all_feedback_and_text_is_escaped() -> None:
    """A quiz folds every option's feedback into a details element; markup is escaped."""
    from exercises.model import Option

    quiz = Prompt(
        id="m.q",
        kind="quiz",
        title="<b>Bold</b>",
        question="Which & why?",
        module="m",
        options=(Option("a", "A <i>", True, "Yes <script>"), Option("b", "B", False, "No")),
    )
    markup = exercise_html(quiz)
    assert "<details>" in markup and "Yes &lt;script&gt;" in markup and "<script>" not in markup
    assert "&lt;b&gt;Bold&lt;/b&gt;" in markup and "Which &amp; why?" in markup
    assert "not kept" in markup
