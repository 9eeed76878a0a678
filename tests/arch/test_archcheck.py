"""tools/archcheck.py flags long modules, long functions and import cycles in a real package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT

ARCHCHECK = ROOT / "tools" / "archcheck.py"


def make_package(root: Path, files: dict[str, str]) -> Path:
    pkg = root / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    for name, text in files.items():
        path = pkg / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def archcheck(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ARCHCHECK), "--root", str(root), "--package", "pkg", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def function(name: str, lines: int) -> str:
    """A function `lines` long, `def` to `return`."""
    return f"def {name}():\n" + "".join(f"    x{i} = {i}\n" for i in range(lines - 2)) + "    return 0\n"


def test_a_clean_package_passes(tmp_path):
    root = make_package(
        tmp_path,
        {"a.py": "from . import b\n\n" + function("short", 99), "b.py": "import os\n", "sub/__init__.py": ""},
    )
    res = archcheck(root)
    assert res.returncode == 0, res.stdout
    assert "ok" in res.stdout


def test_a_function_over_100_lines_is_flagged_with_its_place(tmp_path):
    root = make_package(
        tmp_path, {"long.py": "import os\n\n\n" + function("fits", 100) + "\n\n" + function("huge", 101)}
    )
    res = archcheck(root)
    assert res.returncode == 1
    assert "functions over 100 lines (1):" in res.stdout
    assert "pkg/long.py:" in res.stdout and "huge: 101 lines" in res.stdout
    assert "fits" not in res.stdout


def test_a_module_over_600_lines_is_flagged(tmp_path):
    root = make_package(tmp_path, {"big.py": "x = 1\n" * 601, "ok.py": "x = 1\n" * 600})
    res = archcheck(root)
    assert res.returncode == 1
    assert "pkg/big.py: 601 lines" in res.stdout and "ok.py" not in res.stdout


def test_a_cycle_through_an_import_inside_a_function_is_flagged(tmp_path):
    root = make_package(
        tmp_path,
        {
            "a.py": "from .b import helper\n",
            "b.py": "def helper():\n    from pkg import a\n    return a\n",
            "c.py": "from . import a\n",  # imports into the cycle, not part of it
        },
    )
    res = archcheck(root)
    assert res.returncode == 1
    assert "import cycles between modules (1):" in res.stdout
    assert "pkg.a -> pkg.b -> pkg.a" in res.stdout
    assert "pkg/a.py:1" in res.stdout and "pkg/b.py:2" in res.stdout
    assert "pkg.c" not in res.stdout


def test_a_cycle_between_subpackages_is_flagged_even_without_a_module_loop(tmp_path):
    root = make_package(
        tmp_path,
        {
            "one/__init__.py": "",
            "one/x.py": "from ..two import y\n",
            "one/z.py": "",
            "two/__init__.py": "",
            "two/y.py": "",
            "two/w.py": "from ..one import z\n",
        },
    )
    res = archcheck(root)
    assert res.returncode == 1
    assert "import cycles between modules" not in res.stdout
    assert "import cycles between top-level packages (1):" in res.stdout
    assert "pkg.one -> pkg.two -> pkg.one" in res.stdout


def test_limits_are_options(tmp_path):
    root = make_package(tmp_path, {"m.py": function("f", 20)})
    assert archcheck(root).returncode == 0
    res = archcheck(root, "--max-function-lines", "10", "--max-module-lines", "5")
    assert res.returncode == 1 and "f: 20 lines" in res.stdout and "pkg/m.py: 20 lines" in res.stdout
