"""Roles and what each may do: pages, actions and which organizations it sees."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["CAPABILITIES", "Capability", "Role"]


class Role(StrEnum):
    """A user's role (PRODUCT.md: admin, consultant, executive, evaluator)."""

    ADMIN = "admin"  # users, library, settings, all organizations
    CONSULTANT = "consultant"  # granted organizations: chat, dashboard, assessment, recommendations
    EXECUTIVE = "executive"  # their own organization: chat, dashboard, reading recommendations
    EVALUATOR = "evaluator"  # evaluation runs and the audit log; no organization's data unless granted


class Capability(StrEnum):
    """A page or action a role may use."""

    CHAT = "chat"
    DASHBOARD = "dashboard"
    ASSESSMENT = "assessment"  # fill in, upload and save assessments
    RECOMMENDATIONS = "recommendations"  # draft and read a roadmap
    EDIT_RECOMMENDATIONS = "edit_recommendations"  # edit, accept or reject recommendations
    EXPORT = "export"  # download conversations and roadmaps
    LIBRARY = "library"  # see the library, upload, re-index, delete, release quarantined passages
    SETTINGS = "settings"
    USERS = "users"  # add users, grant and revoke organizations
    AUDIT = "audit"
    EVALUATION = "evaluation"
    MODEL_CARDS = "model_cards"
    ALL_ORGS = "all_orgs"  # every organization, without grants


_READER = frozenset({Capability.CHAT, Capability.DASHBOARD, Capability.RECOMMENDATIONS, Capability.EXPORT})

CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.ADMIN: frozenset(Capability),
    Role.CONSULTANT: _READER | {Capability.ASSESSMENT, Capability.EDIT_RECOMMENDATIONS, Capability.MODEL_CARDS},
    Role.EXECUTIVE: _READER,
    Role.EVALUATOR: frozenset({Capability.CHAT, Capability.DASHBOARD, Capability.EVALUATION, Capability.AUDIT}),
}
