"""`Accounts`: users, grants, sign-in with lock-out, and sessions that expire.

Every change and every sign-in (successful or not) is written to the audit trail. Sign-in
failures never say whether the user name exists: unknown names, wrong passwords, locked and
disabled accounts all get the same message and cost the same time.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable

from ..audit import Actor, AuditStore, Event
from ..errors import AccessDenied, AccountError, SignInFailed
from ..settings import Settings
from .access import Access
from .oidc import Identity
from .passwords import check_password, hash_password, needs_rehash, verify_password
from .records import Origin, SessionRecord, User, check_name, check_role, parse_orgs
from .roles import Role
from .store import UserStore, open_user_store

__all__ = ["LOCK_MINUTES", "MAX_FAILURES", "SESSION_HOURS", "SIGN_IN_FAILED", "Accounts"]

MAX_FAILURES = 5  # consecutive failures before an account name is locked
LOCK_MINUTES = 15
SESSION_HOURS = 12  # absolute session lifetime, whatever the activity
_TOUCH_EVERY = 60.0  # seconds between writes of a session's last use
SIGN_IN_FAILED = (
    "Sign-in failed: the user name or password is wrong, or the account is locked or disabled. "
    f"After {MAX_FAILURES} failed attempts wait {LOCK_MINUTES} minutes, or ask an administrator."
)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Accounts:
    """Users and sessions over a `UserStore`, audited.

    >>> accounts = Accounts(settings)
    >>> accounts.add_user("dana", "consultant", orgs="meridian-health", password="a long passphrase")
    >>> token = accounts.sign_in("dana", "a long passphrase")
    >>> accounts.session_user(token).orgs
    ('meridian-health',)
    """

    def __init__(
        self,
        settings: Settings,
        *,
        store: UserStore | None = None,
        audit: AuditStore | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.settings = settings
        self.store: UserStore = store if store is not None else open_user_store(settings)
        self.audit = audit
        self.clock = clock

    def _log(self, event: Event, actor: Actor, detail: dict | None = None, org: str | None = None) -> None:
        if self.audit is not None:
            self.audit.log(event, detail or {}, org=org, actor=actor)

    # ------------------------------------------------------------------ users

    def needs_first_admin(self) -> bool:
        """A fresh install: no account exists yet, so the first visitor creates the administrator."""
        return self.store.count() == 0

    def create_first_admin(self, name: str, password: str) -> User:
        """Create the administrator of a fresh install; refused once any account exists."""
        user = User(check_name(name), Role.ADMIN)
        check_password(password, user.name)
        if not self.store.add(user, hash_password(password), only_if_empty=True):
            raise AccountError("an administrator already exists; sign in instead")
        self._log(Event.USER_ADDED, Actor(user.name, Role.ADMIN), {"name": user.name, "role": "admin", "first": True})
        return user

    def add_user(
        self,
        name: str,
        role: str,
        *,
        orgs: str | list[str] | tuple[str, ...] | None = None,
        password: str | None = None,
        by: Actor = Actor(),
    ) -> User:
        """Add a local user (without a password it cannot sign in until one is set)."""
        user = User(check_name(name), check_role(role), parse_orgs(orgs))
        if password is not None:
            check_password(password, user.name)
        self.store.add(user, hash_password(password) if password is not None else None)
        self._log(Event.USER_ADDED, by, {"name": user.name, "role": str(user.role), "orgs": list(user.orgs)})
        return user

    def users(self) -> list[User]:
        return self.store.users()

    def user(self, name: str) -> User:
        """The user, or AccountError (for the operator's commands; sign-in never says this)."""
        found = self.store.user(check_name(name))
        if found is None:
            raise AccountError(f"no user named {name!r}; see `advisor users list`")
        return found

    def set_password(self, name: str, password: str, *, by: Actor = Actor()) -> None:
        user = self.user(name)
        check_password(password, user.name)
        self.store.set_password(user.name, hash_password(password))
        self.store.end_sessions(user.name)
        self.store.clear_failures(user.name)
        self._log(Event.PASSWORD_SET, by, {"name": user.name})

    def grant(self, name: str, org: str, *, by: Actor = Actor()) -> bool:
        user = self.user(name)
        (org_id,) = parse_orgs([org]) or ("",)
        if not org_id:
            raise AccountError("no organization given; name an organization id (see `advisor orgs`)")
        changed = self.store.grant(user.name, org_id)
        self._log(Event.GRANT, by, {"name": user.name, "changed": changed}, org=org_id)
        return changed

    def revoke(self, name: str, org: str, *, by: Actor = Actor()) -> bool:
        user = self.user(name)
        changed = self.store.revoke(user.name, org.strip())
        self._log(Event.REVOKE, by, {"name": user.name, "changed": changed}, org=org.strip())
        return changed

    def disable(self, name: str, *, by: Actor = Actor(), disabled: bool = True) -> None:
        """Disable (or re-enable) an account; its sessions end at once."""
        user = self.user(name)
        self.store.set_disabled(user.name, disabled)
        self.store.end_sessions(user.name)
        self._log(Event.USER_DISABLED, by, {"name": user.name, "disabled": disabled})

    # ------------------------------------------------------------------ access

    def access(self, name: str | None) -> Access:
        """What `name` may see and do; None is the local operator. AccessDenied for an unknown
        or disabled user."""
        if name is None:
            return Access.operator()
        try:
            user = self.store.user(check_name(name))
        except AccountError:
            user = None
        if user is None or user.disabled:
            raise AccessDenied(f"no active user named {name!r}; see `advisor users list`", user=name)
        return Access.of(user)

    # ------------------------------------------------------------------ sign-in and sessions

    def sign_in(self, name: str, password: str) -> str:
        """A new session token for a correct name and password; SignInFailed (one message for
        every cause) otherwise. Locks the name after MAX_FAILURES consecutive failures."""
        key = (name or "").strip().lower()[:64]
        now = self.clock()
        count, last = self.store.failures(key)
        locked = count >= MAX_FAILURES and now - last < LOCK_MINUTES * 60
        user = self.store.user(key) if key else None
        stored = self.store.password_hash(key) if user is not None and user.origin is Origin.LOCAL else None
        ok = verify_password(stored, password) and not locked  # always verified: same cost for every cause
        if not ok or user is None or user.disabled:
            failures = self.store.record_failure(key, now) if not locked else count
            why = "locked" if locked else "disabled" if user is not None and user.disabled else "bad credentials"
            self._log(
                Event.SIGN_IN_FAILED, Actor(key, str(user.role) if user else ""), {"reason": why, "failures": failures}
            )
            raise SignInFailed(SIGN_IN_FAILED)
        self.store.clear_failures(key)
        if stored and needs_rehash(stored):
            self.store.set_password(key, hash_password(password))
        return self._open_session(user)

    def sign_in_external(self, identity: Identity) -> str:
        """A session for a user proven by an OpenID provider: the account is created or updated
        from the identity's role and organizations (a local account of that name is refused)."""
        user = self.store.user(identity.name)
        if user is not None and user.origin is not Origin.OIDC:
            self._log(Event.SIGN_IN_FAILED, Actor(identity.name), {"reason": "local account", "origin": "oidc"})
            raise SignInFailed(SIGN_IN_FAILED)
        if user is None:
            user = User(identity.name, identity.role, identity.orgs, origin=Origin.OIDC)
            self.store.add(user, None)
            self._log(Event.USER_ADDED, Actor(user.name, identity.role), {"name": user.name, "origin": "oidc"})
        elif user.disabled:
            self._log(Event.SIGN_IN_FAILED, Actor(user.name, str(user.role)), {"reason": "disabled", "origin": "oidc"})
            raise SignInFailed(SIGN_IN_FAILED)
        else:  # the provider's claims are the truth for its accounts
            self.store.set_role(user.name, identity.role)
            self.store.set_orgs(user.name, identity.orgs)
            user = User(user.name, identity.role, identity.orgs, origin=Origin.OIDC)
        return self._open_session(user)

    def _open_session(self, user: User) -> str:
        token = secrets.token_urlsafe(32)
        now = self.clock()
        self.store.purge_sessions(now - self.settings.session_idle_minutes * 60, now)
        self.store.add_session(SessionRecord(_token_hash(token), user.name, now, now, now + SESSION_HOURS * 3600))
        self._log(Event.SIGN_IN, Actor(user.name, str(user.role)), {"origin": str(user.origin)})
        return token

    def session_user(self, token: str | None) -> User | None:
        """The user of a live session; None when the token is unknown, expired or idle too long,
        or the account was disabled since."""
        if not token:
            return None
        h = _token_hash(token)
        record = self.store.session(h)
        now = self.clock()
        if record is None:
            return None
        if now >= record.expires or now - record.last_seen > self.settings.session_idle_minutes * 60:
            self.store.end_session(h)
            return None
        user = self.store.user(record.user)
        if user is None or user.disabled:
            self.store.end_session(h)
            return None
        if now - record.last_seen > _TOUCH_EVERY:
            self.store.touch_session(h, now)
        return user

    def sign_out(self, token: str | None) -> None:
        if not token:
            return
        h = _token_hash(token)
        record = self.store.session(h)
        self.store.end_session(h)
        if record is not None:
            user = self.store.user(record.user)
            self._log(Event.SIGN_OUT, Actor(record.user, str(user.role) if user else ""))
