"""Load the prompt files (one YAML file per module) and check them thoroughly.

A file that breaks a rule stops the load with a :class:`CatalogueError` naming the file
and the prompt id, so a course maintainer can find the mistake at once. The format is
described in ``exercises/prompts/README.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .kinds import KIND_SPECS, KINDS, check_value
from .model import Axis, Module, Option, Prompt

PROMPTS_DIR = Path(__file__).parent / "prompts"
"""Where the course's prompt files live."""

SCALES_FILE = "scales.yml"
"""The file of named rating scales, shared by every module."""

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

COMMON_KEYS = frozenset({"id", "kind", "title", "question", "hint", "essential"})
"""The keys every prompt may have; each kind adds its own (:mod:`exercises.kinds`)."""


class CatalogueError(ValueError):
    """A prompt file breaks a rule; the message names the file and the prompt id."""


class Catalogue:
    """Every module and prompt of the course, looked up by id."""

    def __init__(self, modules: Iterable[Module]) -> None:
        self.modules: dict[str, Module] = {}
        self.prompts: dict[str, Prompt] = {}
        for module in sorted(modules, key=lambda m: m.number):
            self.modules[module.id] = module
            for prompt in module.prompts:
                self.prompts[prompt.id] = prompt

    def prompt(self, prompt_id: str) -> Prompt:
        """The prompt with this id; a KeyError names close matches when it is unknown."""
        try:
            return self.prompts[prompt_id]
        except KeyError:
            near = [p for p in self.prompts if p.split(".")[0] == prompt_id.split(".")[0]]
            hint = f" Prompts in that module: {', '.join(near)}." if near else ""
            raise KeyError(f"There is no prompt with the id {prompt_id!r}.{hint}") from None

    def check(self, prompt_id: str, value: Any) -> Any:
        """Check a value against its prompt (KeyError if the id is unknown)."""
        return check_value(self.prompt(prompt_id), value)

    def module(self, module_id: str) -> Module:
        """The module with this id."""
        try:
            return self.modules[module_id]
        except KeyError:
            known = ", ".join(self.modules)
            raise KeyError(f"There is no module {module_id!r}. Modules: {known}.") from None


def _fail(source: str, where: str, message: str) -> CatalogueError:
    return CatalogueError(f"{source}: {where}: {message}")


class PromptReader:
    """Checks one file's raw YAML data and turns it into a Module (each kind reads its own
    keys with the helpers here: :attr:`exercises.kinds.KindSpec.read`, which names them
    as :class:`exercises.kinds.spec.Reader`)."""

    def __init__(self, source: str, scales: dict[str, tuple[str, ...]]) -> None:
        self.source = source
        self.scales = scales
        self.where = "top level"

    def fail(self, message: str) -> CatalogueError:
        return _fail(self.source, self.where, message)

    def text(self, data: dict[str, Any], key: str, required: bool = True) -> str:
        value = data.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{key!r} must be {'non-empty ' if required else ''}text.")
        return value.strip()

    def flag(self, data: dict[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{key!r} must be true or false, not {value!r}.")
        return value

    def whole(self, data: dict[str, Any], key: str) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{key!r} must be a whole number.")
        return value

    def slug(self, data: dict[str, Any], key: str = "id") -> str:
        value = data.get(key)
        if not isinstance(value, str) or not SLUG.match(value):
            raise self.fail(f"{key!r} must be lower-case words joined by hyphens, not {value!r}.")
        return value

    def mapping_list(self, data: dict[str, Any], key: str, minimum: int) -> list[dict[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list) or len(value) < minimum:
            raise self.fail(f"{key!r} must be a list of at least {minimum} entries.")
        if not all(isinstance(v, dict) for v in value):
            raise self.fail(f"every entry of {key!r} must be a mapping.")
        return value

    def unique(self, ids: list[str], what: str) -> None:
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise self.fail(f"{what} ids must be unique; repeated: {', '.join(dupes)}.")

    def module(self, data: Any) -> Module:
        if not isinstance(data, dict):
            raise self.fail("the file must be a mapping with 'module' and 'prompts'.")
        extra = set(data) - {"module", "number", "title", "minutes", "prompts"}
        if extra:
            raise self.fail(f"unknown keys {sorted(extra)}.")
        module_id = self.slug(data, "module")
        number, minutes = self.whole(data, "number"), self.whole(data, "minutes")
        title = self.text(data, "title")
        raw = data.get("prompts") or []
        if not isinstance(raw, list):
            raise self.fail("'prompts' must be a list.")
        prompts = tuple(self.prompt(module_id, p, n) for n, p in enumerate(raw, start=1))
        self.where = "top level"
        self.unique([p.id for p in prompts], "prompt")
        return Module(module_id, number, title, minutes, prompts)

    def prompt(self, module_id: str, data: Any, n: int) -> Prompt:
        self.where = f"prompt {n}"
        if not isinstance(data, dict):
            raise self.fail("a prompt must be a mapping.")
        pid = data.get("id")
        if not isinstance(pid, str) or not pid.startswith(module_id + "."):
            raise self.fail(f"'id' must start with '{module_id}.', not {pid!r}.")
        self.where = pid
        if not SLUG.match(pid[len(module_id) + 1 :]):
            raise self.fail("the part after the module must be lower-case words and hyphens.")
        kind = data.get("kind")
        if kind not in KINDS:
            raise self.fail(f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}.")
        spec = KIND_SPECS[kind]
        extra = set(data) - COMMON_KEYS - spec.prompt_keys
        if extra:
            raise self.fail(f"keys not used by a {kind} prompt: {sorted(extra)}.")
        common = {
            "id": pid,
            "kind": kind,
            "module": module_id,
            "title": self.text(data, "title"),
            "question": self.text(data, "question"),
            "hint": self.text(data, "hint", required=False),
            "essential": self.flag(data, "essential"),
        }
        return Prompt(**common, **spec.read(self, data))

    def labels(self, values: list[Any], key: str) -> tuple[str, ...]:
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(
                f"every label in {key!r} must be text; put words such as Yes, No, On "
                "and Off in quotes, or YAML reads them as true or false."
            )
        return tuple(values)

    def options(self, data: dict[str, Any]) -> tuple[Option, ...]:
        raw = self.mapping_list(data, "options", 2)
        options = tuple(
            Option(
                self.slug(o),
                self.text(o, "label"),
                bool(o.get("correct", False)),
                self.text(o, "feedback", required=False),
            )
            for o in raw
        )
        self.unique([o.id for o in options], "option")
        return options

    def axis(self, data: dict[str, Any], key: str) -> Axis:
        raw = data.get(key)
        if not isinstance(raw, dict):
            raise self.fail(f"{key!r} must be a mapping with label, low and high.")
        steps = raw.get("steps", 5)
        if isinstance(steps, bool) or not isinstance(steps, int) or not 2 <= steps <= 11:
            raise self.fail(f"{key}.steps must be a whole number from 2 to 11.")
        return Axis(self.text(raw, "label"), self.text(raw, "low"), self.text(raw, "high"), steps)


def _read_yaml(path: Path) -> Any:
    import yaml  # here, so the catalogue can be built from data where PyYAML is absent

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise CatalogueError(f"{path.name}: cannot be read as YAML: {err}") from None


def _scales(data: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and len(v) >= 2 and all(isinstance(s, str) for s in v)
        for v in data.values()
    ):
        raise CatalogueError(f"{SCALES_FILE}: each scale must be a list of two or more labels.")
    return {name: tuple(labels) for name, labels in data.items()}


def load_scales(directory: Path = PROMPTS_DIR) -> dict[str, tuple[str, ...]]:
    """Read the named rating scales."""
    return _scales(_read_yaml(directory / SCALES_FILE))


def prompt_files(directory: Path = PROMPTS_DIR) -> dict[str, Any]:
    """The raw data of every prompt file (file name to parsed YAML), scales included."""
    return {path.name: _read_yaml(path) for path in sorted(directory.glob("*.yml"))}


def load_catalogue(directory: Path = PROMPTS_DIR) -> Catalogue:
    """Read and check every module file in ``directory``."""
    return catalogue_from_data(prompt_files(directory))


def catalogue_from_data(files: dict[str, Any]) -> Catalogue:
    """Check the raw data of prompt files (as :func:`prompt_files` gives) into a catalogue."""
    if SCALES_FILE not in files:
        raise CatalogueError(f"{SCALES_FILE}: the file of rating scales is missing.")
    scales = _scales(files[SCALES_FILE])
    modules = []
    for name, data in sorted(files.items()):
        if name == SCALES_FILE:
            continue
        module = PromptReader(name, scales).module(data)
        if name.removesuffix(".yml") != module.id:
            raise CatalogueError(f"{name}: the file name must be {module.id}.yml.")
        modules.append(module)
    seen: dict[int, str] = {}
    for m in modules:
        if m.number in seen:
            raise CatalogueError(f"{m.id}.yml: module number {m.number} is also {seen[m.number]}.")
        seen[m.number] = m.id
    return Catalogue(modules)


@functools.cache
def course_catalogue() -> Catalogue:
    """The course's own catalogue, read once per process."""
    return load_catalogue()
