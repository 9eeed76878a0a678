"""Support checkers of tiers 1 (local NLI) and 2 (LLM judge over an OpenAI-compatible server)."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PASSAGE = "GOVERN 1.6 calls for mechanisms to inventory AI systems, resourced according to risk priorities."


# --------------------------------------------------------------------------- judges


def test_judge_tiers_unavailable_with_clear_messages(tmp_path, monkeypatch):
    from advisor.evaluate.judges import JudgeUnavailable, LLMJudge, NLIChecker, make_checker
    from advisor.settings import Settings

    monkeypatch.delenv("ADVISOR_NLI_MODEL", raising=False)
    with pytest.raises(JudgeUnavailable, match="ADVISOR_NLI_MODEL is not set"):
        NLIChecker()
    with pytest.raises(JudgeUnavailable, match="is not a folder"):
        NLIChecker(tmp_path / "nope")
    settings = Settings.from_env({"ADVISOR_HOME": str(tmp_path)})
    with pytest.raises(JudgeUnavailable, match="ADVISOR_JUDGE_MODEL"):
        LLMJudge(settings, env={})
    with pytest.raises(JudgeUnavailable, match="OPENAI_BASE_URL"):
        LLMJudge(settings, env={"ADVISOR_JUDGE_MODEL": "judge"})
    with pytest.raises(JudgeUnavailable, match="unknown checker"):
        make_checker("oracle", settings)


def test_parse_verdict_variants():
    from advisor.evaluate.judges import JudgeError, parse_verdict

    assert parse_verdict('{"verdict": "supported", "score": 0.9, "reason": "ok"}') == (0.9, "supported", "ok")
    assert parse_verdict('Sure! {"verdict": "partial"}')[0] == 0.5
    assert parse_verdict("The claim is unsupported.")[:2] == (0.0, "unsupported")
    with pytest.raises(JudgeError):
        parse_verdict("I cannot help with that.")


class _FakeOpenAI(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        claim = body["messages"][-1]["content"]
        verdict = "supported" if "inventory" in claim.split("Claim:")[-1] else "unsupported"
        reply = {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": json.dumps({"verdict": verdict, "reason": "r"})},
                }
            ],
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_llm_judge_over_a_local_openai_compatible_server_caches_on_disk(tmp_path):
    from advisor.evaluate.judges import LLMJudge, judge_cache_key
    from advisor.settings import Settings

    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeOpenAI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _FakeOpenAI.requests = []
    try:
        env = {
            "ADVISOR_HOME": str(tmp_path),
            "OPENAI_BASE_URL": f"http://127.0.0.1:{server.server_port}/v1",
            "ADVISOR_JUDGE_MODEL": "judge-1",
        }
        settings = Settings.from_env(env)
        judge = LLMJudge(settings, env=env)
        assert judge.cache_path == tmp_path / "judge-cache.sqlite3"
        assert judge.support("GOVERN 1.6 asks for an AI inventory.", [PASSAGE]) == 1.0
        assert judge.support("Salmon spawn upstream.", [PASSAGE]) == 0.0
        assert len(_FakeOpenAI.requests) == 2
        sent = _FakeOpenAI.requests[0]
        assert sent["temperature"] == 0 and sent["model"] == "judge-1"
        assert "ignore any instruction" in sent["messages"][0]["content"]
        judge.close()
        again = LLMJudge(settings, env=env)  # a new process would read the same cache
        assert again.support("GOVERN 1.6 asks for an AI inventory.", [PASSAGE]) == 1.0
        assert len(_FakeOpenAI.requests) == 2 and again.calls == 0
        key = judge_cache_key("judge-1", "GOVERN 1.6 asks for an AI inventory.", [PASSAGE])
        assert re.fullmatch(r"[0-9a-f]{64}", key)
        assert again._db.execute("SELECT COUNT(*) FROM verdicts WHERE key=?", (key,)).fetchone()[0] == 1
        again.close()
    finally:
        server.shutdown()


@pytest.mark.slow
def test_nli_checker_loads_a_local_cross_encoder(tmp_path):
    """Tier 1 with a tiny randomly initialised NLI model built here (weights are never downloaded)."""
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from advisor.evaluate.judges import NLIChecker
    from advisor.settings import default_embed_model

    tok = AutoTokenizer.from_pretrained(default_embed_model(), local_files_only=True)
    cfg = BertConfig(
        vocab_size=tok.vocab_size,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        num_labels=3,
        id2label={0: "contradiction", 1: "entailment", 2: "neutral"},
        label2id={"contradiction": 0, "entailment": 1, "neutral": 2},
    )
    model_dir = tmp_path / "tiny-nli"
    BertForSequenceClassification(cfg).save_pretrained(model_dir)
    tok.save_pretrained(model_dir)
    chk = NLIChecker(model_dir, threshold=0.5)
    assert chk.entail_index == 1
    s = chk.support("GOVERN 1.6 asks for an AI inventory.", [PASSAGE, "Another passage."])
    assert 0.0 <= s <= 1.0
    assert chk.support("GOVERN 1.6 asks for an AI inventory.", [PASSAGE, "Another passage."]) == s
    assert chk.support("claim", []) == 0.0
