"""Reading YAML with line numbers, so every error names the file, the line and the field."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from ..errors import FrameworkError

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
# libyaml is several times faster and keeps line marks; fall back to the pure-Python loader
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(path: Path) -> tuple[str, yaml.Node]:
    """The file's name as shown in errors, and its YAML node tree."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameworkError(
            file, None, "file", f"cannot be read ({exc.__class__.__name__}); save it as UTF-8 text"
        ) from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "syntax error"
        raise FrameworkError(file, mark.line + 1 if mark else None, "yaml", f"not valid YAML ({problem})") from None
    if node is None:
        raise FrameworkError(file, 1, "file", "is empty; see corpus/frameworks/README.md for the schema")
    return file, node


class Obj:
    """A YAML mapping node with the file and the field path it was found at."""

    def __init__(self, file: str, node: yaml.Node, path: str = ""):
        self.file = file
        self.path = path
        self.node = node
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, "", "must be a mapping of field: value")
        self.fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            if name in self.fields:
                raise self.fail(key, name, "appears twice")
            self.fields[name] = (key, value)

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path and key else (key or self.path or "document")

    def fail(self, node: yaml.Node, key: str, problem: str) -> FrameworkError:
        return FrameworkError(self.file, node.start_mark.line + 1, self.where(key), problem)

    def only(self, *allowed: str) -> None:
        """Refuse fields the schema does not know, which are usually typos."""
        for name, (key, _) in self.fields.items():
            if name not in allowed:
                raise self.fail(key, name, f"unknown field; allowed fields: {', '.join(allowed)}")

    def has(self, key: str) -> bool:
        return key in self.fields

    def value_node(self, key: str) -> yaml.Node:
        if key not in self.fields:
            raise self.fail(self.node, key, "is required")
        return self.fields[key][1]

    def text(self, key: str, required: bool = True, one_line: bool = False) -> str:
        if key not in self.fields:
            if required:
                raise self.fail(self.node, key, "is required")
            return ""
        node = self.fields[key][1]
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            raise self.fail(node, key, "must be text")
        value = str(node.value).strip()
        if required and not value:
            raise self.fail(node, key, "must not be empty")
        if one_line and "\n" in value:
            raise self.fail(node, key, "must be one line")
        return value

    def slug(self, key: str) -> str:
        value = self.text(key)
        if not SLUG.fullmatch(value):
            raise self.fail(self.fields[key][1], key, f"must be a lowercase slug like 'my-framework', got {value!r}")
        return value

    def choice(self, key: str, choices: tuple[str, ...], required: bool = True) -> str:
        value = self.text(key, required)
        if value and value not in choices:
            raise self.fail(self.fields[key][1], key, f"must be one of {', '.join(choices)}; got {value!r}")
        return value

    def date(self, key: str) -> date | None:
        value = self.text(key, required=False)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(self.fields[key][1], key, f"must be a date YYYY-MM-DD, got {value!r}") from None

    def seq(self, key: str, required: bool = True) -> list[yaml.Node]:
        if key not in self.fields:
            if required:
                raise self.fail(self.node, key, "is required (a list)")
            return []
        node = self.fields[key][1]
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, key, "must be a list")
        if required and not node.value:
            raise self.fail(node, key, "must not be empty")
        return list(node.value)

    def objs(self, key: str, required: bool = True) -> list[Obj]:
        return [Obj(self.file, n, f"{self.where(key)}[{i}]") for i, n in enumerate(self.seq(key, required))]

    def texts(self, key: str) -> list[str]:
        out = []
        for i, n in enumerate(self.seq(key, required=False)):
            if not isinstance(n, yaml.ScalarNode) or not str(n.value).strip():
                raise self.fail(n, f"{key}[{i}]", "must be text")
            out.append(str(n.value).strip())
        return out

    def pairs(self, key: str) -> list[tuple[str, str]]:
        """A mapping of names to scalar values, such as `properties`."""
        if key not in self.fields:
            return []
        sub = Obj(self.file, self.fields[key][1], self.where(key))
        return [(name, sub.text(name)) for name in sub.fields]
