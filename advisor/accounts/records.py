"""Users and sessions, as the account store keeps them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..errors import AccountError
from .roles import Role

__all__ = ["NAME_RULE", "Origin", "SessionRecord", "User", "check_name", "check_role", "parse_orgs"]

NAME_RULE = "1-64 characters: lowercase letters, digits, '.', '_', '-', '+' or '@', starting with a letter or digit"
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,63}$")
_ORG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class Origin(StrEnum):
    """Where an account's identity is proven."""

    LOCAL = "local"  # a password hashed in the account store
    OIDC = "oidc"  # an OpenID Connect provider (role and organizations from its claims)


@dataclass(frozen=True)
class User:
    """An account: its name, role, the organizations granted to it, and whether it is disabled."""

    name: str
    role: Role
    orgs: tuple[str, ...] = ()
    disabled: bool = False
    origin: Origin = Origin.LOCAL
    created: str = ""

    def to_dict(self) -> dict:
        """The `advisor users list --json` shape: {name, role, orgs, disabled}."""
        return {"name": self.name, "role": str(self.role), "orgs": list(self.orgs), "disabled": self.disabled}


@dataclass(frozen=True)
class SessionRecord:
    """A signed-in session: the hash of its token (the token itself is never stored)."""

    token_hash: str
    user: str
    created: float
    last_seen: float
    expires: float  # absolute end, whatever the activity


def check_name(name: str) -> str:
    """The canonical (lowercase) user name, or AccountError naming the rule."""
    canonical = (name or "").strip().lower()
    if not _NAME.match(canonical):
        raise AccountError(f"user name {name!r} is not valid; use {NAME_RULE}")
    return canonical


def check_role(role: str) -> Role:
    try:
        return Role((role or "").strip().lower())
    except ValueError:
        raise AccountError(f"role {role!r} is not one of {', '.join(r.value for r in Role)}") from None


def parse_orgs(orgs: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Organization ids from "a,b" or a list; each must be an organization id (a slug)."""
    items = orgs.split(",") if isinstance(orgs, str) else list(orgs or [])
    out: list[str] = []
    for raw in items:
        org = raw.strip()
        if not org:
            continue
        if not _ORG.match(org):
            raise AccountError(
                f"organization {org!r} is not an organization id; use lowercase letters, digits and '-' "
                "(see `advisor orgs`)"
            )
        if org not in out:
            out.append(org)
    return tuple(out)
