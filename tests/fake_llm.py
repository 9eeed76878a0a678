"""Kept for existing imports: the fake OpenAI-compatible server now ships in `advisor.testing`."""

from __future__ import annotations

from advisor.testing import FakeLLMServer, Reply

__all__ = ["FakeLLMServer", "Reply"]
