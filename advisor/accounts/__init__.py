"""Accounts and access: users, roles and organization grants, sign-in, sessions, and the
`Access` check every data path applies.

- `roles`: `Role` (admin, consultant, executive, evaluator) and the `Capability` each has;
- `records`: `User`, `SessionRecord`, name / role / organization validation;
- `passwords`: Argon2id hashing and the password rule;
- `store`: the `UserStore` interface and its SQLite implementation;
- `access`: `Access`, the check object (organizations a caller may see, actions it may take);
- `oidc`: OpenID Connect claims mapped to a name, a role and grants;
- `service`: `Accounts` — users, grants, sign-in with lock-out, expiring sessions, audited;
- `commands`: the `advisor users` command group.
"""

from __future__ import annotations

from .access import Access, shown
from .oidc import ClaimMapping, Identity, map_claims
from .passwords import MIN_LENGTH, check_password
from .records import Origin, SessionRecord, User, check_name, check_role, parse_orgs
from .roles import CAPABILITIES, Capability, Role
from .service import LOCK_MINUTES, MAX_FAILURES, SESSION_HOURS, SIGN_IN_FAILED, Accounts
from .store import SqliteUserStore, SqlUserStore, UserStore, open_user_store, users_path

__all__ = [
    "CAPABILITIES",
    "LOCK_MINUTES",
    "MAX_FAILURES",
    "MIN_LENGTH",
    "SESSION_HOURS",
    "SIGN_IN_FAILED",
    "Access",
    "Accounts",
    "Capability",
    "ClaimMapping",
    "Identity",
    "Origin",
    "Role",
    "SessionRecord",
    "SqlUserStore",
    "SqliteUserStore",
    "User",
    "UserStore",
    "check_name",
    "check_password",
    "check_role",
    "map_claims",
    "open_user_store",
    "parse_orgs",
    "shown",
    "users_path",
]
