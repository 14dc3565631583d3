"""The user's settings: a TOML file that adds or removes opinion words, turns categories off,
picks a theme and remaps keys.

    theme = "textual-dark"
    [opinion.add]        # category -> words or phrases
    loaded = ["shambolic"]
    [opinion.remove]
    hedge = ["reportedly"]
    [categories]
    disabled = ["hedge"]   # opinion categories, or whole highlights: quotes officials figures opinion
    [keys]
    toggle_quotes = "1"

It lives at `platformdirs.user_config_dir("slant")/config.toml`, or where `SLANT_CONFIG` says.
`load_config()` never raises: a broken file gives warnings (naming the file and line) and the
defaults for whatever was broken.  Pure: no Textual here.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .model import HIGHLIGHT_KINDS, OPINION_CATEGORIES

ENV_VAR = "SLANT_CONFIG"
HIGHLIGHTS = HIGHLIGHT_KINDS
_KEY = re.compile(r"^[A-Za-z0-9_+\-,.;:'/\\\[\]=`#*!?@$%^&()<>{}|~\"]+$")
_ACTION = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass
class Config:
    opinion_add: dict[str, list[str]] = field(default_factory=dict)
    opinion_remove: dict[str, list[str]] = field(default_factory=dict)
    disabled: list[str] = field(default_factory=list)   # opinion categories and/or highlights
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)  # action -> key(s), Textual key names
    path: str | None = None                             # the file read, if any

    def opinion_settings(self) -> dict[str, Any]:
        """The config the slant_opinion component takes."""
        return {
            "extra": {k: list(v) for k, v in self.opinion_add.items()},
            "remove": {k: list(v) for k, v in self.opinion_remove.items()},
            "disabled": [c for c in self.disabled if c in OPINION_CATEGORIES],
        }

    @property
    def hidden_highlights(self) -> list[str]:
        """Highlight kinds (quotes, officials, figures, opinion) the user turned off."""
        return [c for c in self.disabled if c in HIGHLIGHTS]


def config_path() -> Path:
    """Where the config is read from: $SLANT_CONFIG, else the platform's config folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("slant")) / "config.toml"


def load_config(path: str | os.PathLike[str] | None = None, *,
                actions: Iterable[str] | None = None) -> tuple[Config, list[str]]:
    """(config, warnings).  `actions`, when given, are the key-bindable action names; a
    [keys] entry naming another action is then warned about and dropped."""
    explicit = path is not None or bool(os.environ.get(ENV_VAR))
    p = Path(path).expanduser() if path is not None else config_path()
    name = str(p)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        # No file is the normal case; a file the user named that is missing is worth a word.
        return Config(), ([f"{name}: config file not found; using the defaults"] if explicit else [])
    except IsADirectoryError:
        return Config(), [f"{name}: is a directory, not a config file; using the defaults"]
    except OSError as exc:
        return Config(), [f"{name}: cannot read the config ({exc.strerror or exc}); "
                          "using the defaults"]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Config(), [f"{name}: the config is not UTF-8 text; using the defaults"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends with "(at line L, column C)"
        return Config(), [f"{name}: {exc}; using the defaults"]
    cfg, warnings = _from_dict(data, _Where(name, text), set(actions) if actions else None)
    cfg.path = name
    return cfg, warnings


class _Where:
    """Finds the line of a key so that a warning can point at it (tomllib gives no lines)."""

    _HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.lines = text.splitlines()

    def line(self, table: str, key: str | None = None) -> int | None:
        full = f"{table}.{key}" if table and key else (key or table)
        k = re.escape(key) if key else None
        key_re = re.compile(rf"""^\s*(["']?){k}\1\s*=""") if k else None
        dotted = re.compile(rf"""^\s*{re.escape(full)}\s*[.=]""")
        anywhere = re.compile(rf"""(^|[\s{{,.])(["']?){k}\2\s*=""") if k else None
        current = ""
        header_line = None
        for i, line in enumerate(self.lines, 1):
            m = self._HEADER.match(line)
            if m:
                current = m.group(1).replace(" ", "").replace('"', "").replace("'", "")
                if current == full:
                    return i
                if current == table:
                    header_line = i
                continue
            if key_re and current == table and key_re.match(line):
                return i
            if current == "" and dotted.match(line):
                return i
        if header_line is None and anywhere:  # inline tables: the first "key =" will do
            for i, line in enumerate(self.lines, 1):
                if anywhere.search(line):
                    return i
        return header_line

    def at(self, table: str, key: str | None = None) -> str:
        n = self.line(table, key)
        return f"{self.name}, line {n}" if n else self.name


def _words(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        return None
    out: list[str] = []
    for w in value:
        w = " ".join(w.split())
        if w and w not in out:
            out.append(w)
    return out


def _from_dict(data: dict[str, Any], where: _Where,
               actions: set[str] | None) -> tuple[Config, list[str]]:
    cfg = Config()
    warn: list[str] = []
    known = ", ".join(OPINION_CATEGORIES)
    for key in data:
        if key not in ("theme", "opinion", "categories", "keys"):
            warn.append(f"{where.at('', key)}: unknown setting {key!r} ignored "
                        "(known: theme, opinion, categories, keys)")

    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            cfg.theme = theme.strip()
        else:
            warn.append(f"{where.at('', 'theme')}: theme must be a name in quotes, "
                        f"got {theme!r}; using the default theme")

    opinion = data.get("opinion", {})
    if not isinstance(opinion, dict):
        warn.append(f"{where.at('', 'opinion')}: 'opinion' must be a table "
                    "([opinion.add], [opinion.remove]); ignored")
        opinion = {}
    for sub, target in (("add", cfg.opinion_add), ("remove", cfg.opinion_remove)):
        table = opinion.get(sub, {})
        tname = f"opinion.{sub}"
        if not isinstance(table, dict):
            warn.append(f"{where.at('opinion', sub)}: [{tname}] must be a table of "
                        "category = [words]; ignored")
            continue
        for cat, value in table.items():
            if cat not in OPINION_CATEGORIES:
                warn.append(f"{where.at(tname, cat)}: unknown opinion category {cat!r} "
                            f"ignored (known: {known})")
                continue
            words = _words(value)
            if words is None:
                warn.append(f"{where.at(tname, cat)}: {tname}.{cat} must be a list of "
                            "words in quotes; ignored")
                continue
            if words:
                target[cat] = words
    for key in opinion:
        if key not in ("add", "remove"):
            warn.append(f"{where.at('opinion', key)}: unknown setting 'opinion.{key}' "
                        "ignored (known: add, remove)")

    cats = data.get("categories", {})
    if not isinstance(cats, dict):
        warn.append(f"{where.at('', 'categories')}: 'categories' must be a table; ignored")
        cats = {}
    disabled = cats.get("disabled", [])
    names = _words(disabled)
    if names is None:
        warn.append(f"{where.at('categories', 'disabled')}: categories.disabled must be a "
                    "list of category names in quotes; ignored")
        names = []
    for n in names:
        if n in OPINION_CATEGORIES or n in HIGHLIGHTS:
            cfg.disabled.append(n)
        else:
            warn.append(f"{where.at('categories', 'disabled')}: unknown category {n!r} "
                        f"ignored (known: {', '.join(HIGHLIGHTS)}, {known})")
    for key in cats:
        if key != "disabled":
            warn.append(f"{where.at('categories', key)}: unknown setting "
                        f"'categories.{key}' ignored (known: disabled)")

    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        warn.append(f"{where.at('', 'keys')}: 'keys' must be a table of action = \"key\"; "
                    "ignored")
        keys = {}
    used: dict[str, str] = {}
    for action, key in keys.items():
        if actions is not None and action not in actions:
            warn.append(f"{where.at('keys', action)}: unknown action {action!r} ignored "
                        f"(known: {', '.join(sorted(actions))})")
            continue
        if not _ACTION.match(action):
            warn.append(f"{where.at('keys', action)}: {action!r} is not an action name; ignored")
            continue
        if not isinstance(key, str) or not key.strip() or not _KEY.match(key.strip()):
            warn.append(f"{where.at('keys', action)}: keys.{action} must be a key name in "
                        f"quotes such as \"1\" or \"ctrl+q\", got {key!r}; ignored")
            continue
        key = key.strip()
        clash = [k for k in key.split(",") if k in used]
        if clash:
            warn.append(f"{where.at('keys', action)}: key {clash[0]!r} is already used by "
                        f"{used[clash[0]]!r}; ignored")
            continue
        for k in key.split(","):
            used[k] = action
        cfg.keys[action] = key
    return cfg, warn
