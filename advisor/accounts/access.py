"""`Access`: which organizations a caller may see and what it may do, checked by every data
path (ask, search, dashboard data, recommendations, exports) in the library, not the UI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..audit import Scope
from ..errors import AccessDenied
from .records import User
from .roles import CAPABILITIES, Capability, Role

__all__ = ["Access", "shown"]


def shown(value: Any, limit: int = 80) -> str:
    """A value as it may appear in a message: quoted, control characters escaped, cut short."""
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


@dataclass(frozen=True)
class Access:
    """What one caller may see: `user=None` is the local operator (CLI, tests, scripts), who sees
    everything; a signed-in user sees the organizations granted to them (an admin: all).

    Organization ids are compared exactly: a look-alike, differently cased or padded id is a
    different organization, and is refused like any other that was not granted.
    """

    user: str | None = None
    role: Role | None = None
    orgs: frozenset[str] = field(default_factory=frozenset)
    capabilities: frozenset[Capability] = frozenset(Capability)

    @classmethod
    def operator(cls) -> Access:
        return cls()

    @classmethod
    def of(cls, user: User) -> Access:
        return cls(user.name, user.role, frozenset(user.orgs), CAPABILITIES[user.role])

    @property
    def is_operator(self) -> bool:
        return self.user is None

    @property
    def all_orgs(self) -> bool:
        return Capability.ALL_ORGS in self.capabilities

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    def may_see(self, org: str | None) -> bool:
        """True for no organization (shared guidance only) and for an organization this caller sees."""
        return not org or self.all_orgs or org in self.orgs

    def check(self, org: str | None) -> str | None:
        """The organization to use (None for none), or AccessDenied naming it. The message is the
        same whether or not the organization exists."""
        if not org:
            return None
        if self.may_see(org):
            return org
        raise AccessDenied(
            f"{self.user} may not see the organization {shown(org)}: it is not among the organizations "
            "granted to this account; ask an administrator for a grant",
            user=self.user,
            org=org,
        )

    def require(self, capability: Capability) -> None:
        """AccessDenied when the role does not allow this action."""
        if not self.can(capability):
            raise AccessDenied(
                f"{self.user} ({self.role}) may not use {capability.value.replace('_', ' ')}; "
                "ask an administrator for a role that allows it",
                user=self.user,
                action=capability.value,
            )

    @property
    def audit_scope(self) -> Scope:
        """What this caller may read of the audit log and feedback: everything for the operator and
        an administrator; otherwise the granted organizations' events only. Events of no
        organization (failed sign-ins, user administration, questions about shared guidance) name
        accounts and show who tried what, so only the operator and administrators read them."""
        if self.is_operator or self.all_orgs:
            return Scope.everything(self.user or "")
        return Scope.members_of(self.orgs, self.user or "")

    @property
    def event_orgs(self) -> tuple[str, ...] | None:
        """The organizations whose audit events this caller may read (None: every event); as
        `audit_scope`, for the audit store's `orgs=` argument."""
        orgs = self.audit_scope.orgs
        return None if orgs is None else tuple(sorted(orgs))

    def visible(self, orgs: Iterable[dict]) -> list[dict]:
        """Only the organizations (rows with an "org" key) this caller may see."""
        return [o for o in orgs if self.may_see(o.get("org"))]
