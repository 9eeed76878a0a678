"""Rebuild the bundled name lists (advisor/safety/data/*.txt) from Faker's person data (MIT).

Run: PYTHONPATH=$PWD python evals/phi/build_names.py   (needs the dev dependency `faker`)
"""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

# Locales whose names the detector knows; the synthetic set also draws names from locales
# NOT listed here (see evals/phi/generate.py), so recall on unknown names is measured too.
LIST_LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "en_AU", "en_CA", "es_MX", "en_IN")
OUT = Path(__file__).resolve().parents[2] / "advisor" / "safety" / "data"


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def _names(locale: str, attrs: tuple[str, ...]) -> set[str]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ModuleNotFoundError:
        return set()
    out: set[str] = set()
    for attr in attrs:
        for name in getattr(provider, attr, ()) or ():
            for part in str(name).replace("-", " ").split():
                if len(part) >= 2 and part[0].isupper() and part.replace("'", "").isalpha():
                    out.add(_fold(part))
    return out


def main() -> None:
    firsts, lasts = set(), set()
    for loc in LIST_LOCALES:
        firsts |= _names(loc, ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary"))
        lasts |= _names(loc, ("last_names",))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "first_names.txt").write_text("\n".join(sorted(firsts)) + "\n", encoding="utf-8")
    (OUT / "last_names.txt").write_text("\n".join(sorted(lasts)) + "\n", encoding="utf-8")
    print(f"{len(firsts)} first names, {len(lasts)} last names from {', '.join(LIST_LOCALES)}")


if __name__ == "__main__":
    main()
