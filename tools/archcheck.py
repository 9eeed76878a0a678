#!/usr/bin/env python3
"""Size and cycle check for a Python package, counted from the code (no imports executed).

Flags, with file and line:
- modules over --max-module-lines lines (default 600);
- functions and methods over --max-function-lines lines (default 100), `def` to last line;
- import cycles among the package's modules, from every static import (top level, inside
  functions, under `if TYPE_CHECKING:`), and cycles between its top-level packages/modules
  (`advisor.assessment.*` <-> `advisor.ingest.*` counts even when no two single modules loop).

Exit 0 when nothing is flagged, 1 with the list otherwise, 2 on usage errors.

    python tools/archcheck.py                      # checks ./advisor
    python tools/archcheck.py --root /tmp/x --package pkg
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Edge:
    """One static import: importer -> imported, where it is written."""

    source: str
    target: str
    file: str
    line: int


@dataclass
class Report:
    """Everything flagged in one package."""

    long_modules: list[tuple[str, int]] = field(default_factory=list)  # (file, lines)
    long_functions: list[tuple[str, int, str, int]] = field(default_factory=list)  # (file, line, name, lines)
    module_cycles: list[list[Edge]] = field(default_factory=list)
    package_cycles: list[list[Edge]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.long_modules or self.long_functions or self.module_cycles or self.package_cycles)


def discover(root: Path, package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file under root/package."""
    base = root / package
    if not (base / "__init__.py").is_file():
        raise SystemExit(f"archcheck: {base} is not a Python package (no __init__.py)")
    out: dict[str, Path] = {}
    for path in sorted(base.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        if any(p.startswith(".") or p == "__pycache__" for p in parts):
            continue
        out[".".join(parts)] = path
    return out


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """Absolute module named by a `from ... import` statement."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str, path: Path, known: set[str], root: Path) -> Iterator[Edge]:
    """Every static import of a known module in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    rel = path.relative_to(root).as_posix()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                while name and name not in known:
                    name = name.rpartition(".")[0]
                targets.append(name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.append(sub if sub in known else base)
        for target in targets:
            if target in known and target != module:
                yield Edge(module, target, rel, node.lineno)


def _components(nodes: set[str], graph: dict[str, dict[str, Edge]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, {}))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    out.append(sorted(members))
    return out


def _shortest_cycle(members: list[str], graph: dict[str, dict[str, Edge]]) -> list[Edge]:
    """A shortest loop through the first member, staying inside its component."""
    inside = set(members)
    start = members[0]
    came: dict[str, Edge] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target, edge in sorted(graph.get(node, {}).items()):
            if target not in inside:
                continue
            if target == start:
                path = [edge]
                while path[0].source != start:
                    path.insert(0, came[path[0].source])
                return path
            if target not in came:
                came[target] = edge
                queue.append(target)
    return []  # pragma: no cover - a component always has a loop


def cycles(edges: list[Edge]) -> list[list[Edge]]:
    """One shortest loop per strongly connected component of the import graph."""
    graph: dict[str, dict[str, Edge]] = defaultdict(dict)
    nodes: set[str] = set()
    for e in edges:
        nodes.update((e.source, e.target))
        if e.source != e.target:
            graph[e.source].setdefault(e.target, e)
    return [_shortest_cycle(members, graph) for members in _components(nodes, graph)]


def top_level(module: str, package: str) -> str:
    """`advisor.answer.routing` -> `advisor.answer` (the unit the layers contract names)."""
    parts = module.split(".")
    return ".".join(parts[: len(package.split(".")) + 1])


def long_functions(path: Path, tree: ast.AST, limit: int, rel: str) -> Iterator[tuple[str, int, str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > limit:
                yield rel, node.lineno, node.name, length


def check(root: Path, package: str, max_module_lines: int = 600, max_function_lines: int = 100) -> Report:
    """Count long modules, long functions and import cycles in root/package."""
    modules = discover(root, package)
    known = set(modules)
    report = Report()
    edges: list[Edge] = []
    for name, path in modules.items():
        rel = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = len(source.splitlines())
        if lines > max_module_lines:
            report.long_modules.append((rel, lines))
        tree = ast.parse(source, filename=str(path))
        report.long_functions += long_functions(path, tree, max_function_lines, rel)
        edges += imports(name, path, known, root)
    report.module_cycles = cycles(edges)
    collapsed = [
        Edge(top_level(e.source, package), top_level(e.target, package), e.file, e.line)
        for e in edges
        if top_level(e.source, package) != top_level(e.target, package) and top_level(e.source, package) != package
    ]
    report.package_cycles = cycles(collapsed)
    report.long_modules.sort(key=lambda m: -m[1])
    report.long_functions.sort(key=lambda f: -f[3])
    return report


def _loop(cycle: list[Edge]) -> str:
    names = " -> ".join([cycle[0].source] + [e.target for e in cycle])
    where = ", ".join(f"{e.file}:{e.line}" for e in cycle)
    return f"{names}  ({where})"


def render(report: Report, max_module_lines: int, max_function_lines: int) -> str:
    out: list[str] = []
    if report.long_modules:
        out.append(f"modules over {max_module_lines} lines ({len(report.long_modules)}):")
        out += [f"  {f}: {n} lines" for f, n in report.long_modules]
    if report.long_functions:
        out.append(f"functions over {max_function_lines} lines ({len(report.long_functions)}):")
        out += [f"  {f}:{line} {name}: {n} lines" for f, line, name, n in report.long_functions]
    if report.module_cycles:
        out.append(f"import cycles between modules ({len(report.module_cycles)}):")
        out += [f"  {_loop(c)}" for c in report.module_cycles]
    if report.package_cycles:
        out.append(f"import cycles between top-level packages ({len(report.package_cycles)}):")
        out += [f"  {_loop(c)}" for c in report.package_cycles]
    if not out:
        out.append(
            f"archcheck: ok (no module over {max_module_lines} lines, no function over "
            f"{max_function_lines} lines, no import cycle)"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="folder holding the package (default: .)")
    parser.add_argument("--package", default="advisor", help="package to check (default: advisor)")
    parser.add_argument("--max-module-lines", type=int, default=600)
    parser.add_argument("--max-function-lines", type=int, default=100)
    args = parser.parse_args(argv)
    report = check(args.root.resolve(), args.package, args.max_module_lines, args.max_function_lines)
    print(render(report, args.max_module_lines, args.max_function_lines))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
