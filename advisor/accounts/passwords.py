"""Password hashing (Argon2id through argon2-cffi) and the password rule."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import AccountError

__all__ = ["MIN_LENGTH", "check_password", "hash_password", "needs_rehash", "verify_password"]

MIN_LENGTH = 10
_HASHER = PasswordHasher()  # RFC 9106 low-memory profile: Argon2id, t=3, m=64 MiB, p=4
_COMMON = frozenset(
    {"password12", "password123", "1234567890", "qwertyuiop", "letmein123", "welcome123", "administrator",
     "passw0rd12", "changeme123", "readiness1", "iloveyou12", "0987654321", "abc1234567", "admin12345"}
)  # fmt: skip


@cache
def _dummy() -> str:
    """Verified when the user name is unknown, so an unknown name costs the same time as a wrong
    password; hashed on first use, not at import (a command that signs nobody in pays nothing)."""
    return _HASHER.hash("an unguessable placeholder that no account uses")


def check_password(password: str, name: str = "") -> None:
    """Refuse a password that is short, common, or the user name (NIST SP 800-63B style)."""
    if len(password or "") < MIN_LENGTH:
        raise AccountError(f"the password must be at least {MIN_LENGTH} characters long")
    if password.lower() in _COMMON or (name and name.lower() in password.lower()):
        raise AccountError("the password is too easy to guess (a common password or the user name); choose another")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when `password` matches the stored hash; with no stored hash, a dummy check of the same cost."""
    try:
        return _HASHER.verify(stored or _dummy(), password or "") and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True
