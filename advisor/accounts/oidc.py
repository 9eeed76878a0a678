"""OpenID Connect sign-in (Streamlit's `st.login`): the identity provider's claims mapped to an
account name, a role and organization grants.

The mapping lives in `.streamlit/secrets.toml` next to Streamlit's own `[auth]` section:

    [advisor_oidc]
    name_claim = "email"            # the claim that names the user
    role_claim = "groups"           # a string or a list of strings
    orgs_claim = "advisor_orgs"     # optional: organization ids (a list or "a,b")
    default_role = ""               # optional: the role when no rule matches ("" = refuse)
    [advisor_oidc.roles]            # claim value = role; the first rule that matches wins
    "advisor-admins" = "admin"
    "advisor-consultants" = "consultant"
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import AccessDenied, AccountError
from .records import check_name, check_role
from .roles import Role

__all__ = ["ClaimMapping", "Identity", "map_claims"]

_ORG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True)
class Identity:
    """Who the provider says signed in, as the advisor understands it."""

    name: str
    role: Role
    orgs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimMapping:
    """How claims become a name, a role and grants (see the module docstring)."""

    name_claim: str = "email"
    role_claim: str = "groups"
    roles: tuple[tuple[str, Role], ...] = ()
    orgs_claim: str = ""
    default_role: Role | None = None

    @classmethod
    def from_secrets(cls, section: Mapping[str, Any] | None) -> ClaimMapping:
        """From the `[advisor_oidc]` table of secrets.toml; AccountError names a bad key."""
        section = dict(section or {})
        rules = []
        for value, role in dict(section.get("roles") or {}).items():
            try:
                rules.append((str(value), check_role(str(role))))
            except AccountError as exc:
                raise AccountError(f"secrets.toml [advisor_oidc.roles] {value!r}: {exc}") from None
        default = str(section.get("default_role") or "").strip()
        try:
            default_role = check_role(default) if default else None
        except AccountError as exc:
            raise AccountError(f"secrets.toml [advisor_oidc] default_role: {exc}") from None
        return cls(
            name_claim=str(section.get("name_claim") or "email"),
            role_claim=str(section.get("role_claim") or "groups"),
            roles=tuple(rules),
            orgs_claim=str(section.get("orgs_claim") or ""),
            default_role=default_role,
        )


def _values(claim: Any) -> list[str]:
    if claim is None:
        return []
    if isinstance(claim, str):
        return [v.strip() for v in claim.split(",") if v.strip()]
    if isinstance(claim, list | tuple | set | frozenset):
        return [str(v).strip() for v in claim if str(v).strip()]
    return [str(claim).strip()]


def map_claims(claims: Mapping[str, Any], mapping: ClaimMapping) -> Identity:
    """The identity for these claims. AccessDenied when no rule gives a role (and there is no
    default role); AccountError when the name claim is missing or not a valid user name.
    Organization ids that are not valid ids are ignored (they can only narrow access)."""
    raw_name = claims.get(mapping.name_claim)
    if not raw_name or not isinstance(raw_name, str):
        raise AccountError(f"the identity provider sent no {mapping.name_claim!r} claim to name the user")
    name = check_name(raw_name)
    have = set(_values(claims.get(mapping.role_claim)))
    role = next((r for value, r in mapping.roles if value in have), mapping.default_role)
    if role is None:
        raise AccessDenied(
            f"{name} signed in, but no role is mapped for this account; ask an administrator to add you to a group "
            "that gives the Readiness Advisor a role",
            user=name,
        )
    orgs = tuple(dict.fromkeys(o for o in _values(claims.get(mapping.orgs_claim)) if _ORG.match(o)))
    return Identity(name, role, orgs if mapping.orgs_claim else ())
