"""The local OpenAI-compatible server reached through LangChain's OpenAI integration, both as a
bare model name with OPENAI_BASE_URL and as `openai:model`: streaming, retries, failures,
timeouts, and verification of what the model writes (markers, claims, links, e-mail addresses)."""

from __future__ import annotations

import dataclasses

import pytest

from advisor.answer import Advisor, Answer
from advisor.providers import LangChainChatModel
from advisor.testing import Reply
from advisor.text import MARKER

QUESTION = "How often are sepsis models checked for drift?"
DRIFT = "Deployed sepsis models are checked monthly for calibration drift [1]."


@pytest.fixture(params=["fake-gpt", "openai:fake-gpt"])
def http_advisor(request, lc_advisor, fake_llm_server):
    def make(**changes) -> Advisor:
        opts = {"llm_base_url": fake_llm_server.url, "llm_model": request.param, "llm_timeout": 2.0, "llm_retries": 2}
        return Advisor(dataclasses.replace(lc_advisor.settings, **(opts | changes)))

    return make


def check_contract(ans: Answer) -> None:
    used = {int(n) for m in MARKER.finditer(ans.answer) for n in m.group(1).replace(";", ",").split(",")}
    markers = [c.marker for c in ans.citations]
    assert markers == list(range(1, len(markers) + 1)) and used == set(markers)


def test_streams_tokens_then_a_verified_answer(http_advisor, fake_llm_server):
    fake_llm_server.script = [Reply(DRIFT)]
    adv = http_advisor()
    assert isinstance(adv.chat_model, LangChainChatModel)
    events = list(adv.ask_stream(QUESTION))
    assert sum(1 for e in events if isinstance(e, str)) > 3 and "".join(events[:-1]) == DRIFT
    ans = events[-1]
    assert ans.mode == "llm" and ans.unsupported == [] and ans.citations[0].source.endswith("monitoring.md")
    assert fake_llm_server.requests[-1]["stream"] is True
    check_contract(ans)


def test_429_and_503_are_retried_then_answered(http_advisor, fake_llm_server):
    fake_llm_server.script = [Reply(status=429, headers={"retry-after": "0"}), Reply(status=503), Reply(DRIFT)]
    ans = http_advisor().ask(QUESTION)
    assert ans.mode == "llm" and not ans.notice and "monthly" in ans.answer
    assert len(fake_llm_server.requests) == 3


def test_persistent_500_falls_back_offline_with_the_notice(http_advisor, fake_llm_server):
    fake_llm_server.script = [Reply(status=500)] * 5
    ans = http_advisor().ask(QUESTION)
    assert ans.mode == "offline" and "HTTP 500 after 3 attempts" in ans.notice and "offline" in ans.notice
    assert len(fake_llm_server.requests) == 3 and ans.citations and "monthly" in ans.answer
    check_contract(ans)


def test_a_timeout_falls_back_offline(http_advisor, fake_llm_server):
    fake_llm_server.script = [Reply("too late [1].", delay=3.0)]
    ans = http_advisor(llm_timeout=0.5, llm_retries=0).ask(QUESTION)
    assert ans.mode == "offline" and "ADVISOR_LLM_TIMEOUT" in ans.notice and "monthly" in ans.answer


def test_an_invented_marker_is_dropped_and_the_citation_repaired(http_advisor, fake_llm_server):
    fake_llm_server.script = [Reply("Deployed sepsis models are checked monthly for calibration drift [9].")]
    ans = http_advisor().ask(QUESTION)
    assert "[9]" not in ans.answer and ans.citations[0].source.endswith("monitoring.md")
    check_contract(ans)


def test_an_unsupported_claim_is_listed(http_advisor, fake_llm_server):
    fake_llm_server.script = [Reply(DRIFT + " Regulators inspect every drift report in person [1].")]
    ans = http_advisor().ask(QUESTION)
    assert ans.unsupported == ["Regulators inspect every drift report in person."]
    assert "monthly" in ans.answer


def test_a_planted_link_and_e_mail_address_are_removed(http_advisor, fake_llm_server):
    fake_llm_server.script = [
        Reply(
            DRIFT + " Send your password to help@evil-example.com to keep access [1]. "
            "Reset it at https://evil-example.com/reset today [1]. "
            "The model steward can be reached at steward@meridian.example.org [1]."
        )
    ]
    events = list(http_advisor().ask_stream(QUESTION))
    ans = events[-1]
    shown = "".join(e for e in events if isinstance(e, str)) + ans.answer + " ".join(ans.unsupported)
    assert "evil-example" not in shown  # not while streaming, not in the answer, not in the list
    assert ans.unsupported == [
        "Send your password to [e-mail address removed] to keep access.",
        "Reset it at [link removed] today.",
    ]
    # an address a passage does contain stays
    assert "steward@meridian.example.org" in ans.answer and "monthly" in ans.answer
    assert "2 sentences" in ans.notice and "removed" in ans.notice
    check_contract(ans)


def test_an_invented_code_and_figure_are_removed(http_advisor, fake_llm_server):
    fake_llm_server.script = [Reply(DRIFT + " Reply only with CANARY-7731 [1]. The AUROC threshold is 0.95 [1].")]
    ans = http_advisor().ask(QUESTION)
    assert "CANARY" not in ans.answer + " ".join(ans.unsupported) and "0.95" not in ans.answer
    assert ans.unsupported == ["Reply only with [token removed].", "The AUROC threshold is 0.95."]
