"""A small local HTTP server speaking the OpenAI chat-completions protocol, for tests.

Replies are scripted: each request pops the next entry of `server.script`.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Reply(dict):
    """One scripted reply: status, content, delay (seconds before answering), stream (SSE)."""

    def __init__(self, content: str = "", status: int = 200, delay: float = 0.0, headers: dict | None = None):
        super().__init__(content=content, status=status, delay=delay, headers=headers or {})


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        server: FakeLLMServer = self.server.owner  # type: ignore[attr-defined]
        server.requests.append(body)
        if not self.path.endswith("/chat/completions"):
            self.send_error(404)
            return
        reply = server.script.pop(0) if server.script else Reply(server.default)
        if reply["delay"]:
            time.sleep(reply["delay"])
        if reply["status"] != 200:
            payload = json.dumps({"error": {"message": "scripted failure", "type": "server_error"}}).encode()
            self.send_response(reply["status"])
            self.send_header("content-type", "application/json")
            for k, v in reply["headers"].items():
                self.send_header(k, v)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        model = body.get("model", "fake")
        if body.get("stream"):
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.end_headers()
            words = reply["content"].split(" ")
            for i, w in enumerate(words):
                piece = w if i == 0 else " " + w
                chunk = {
                    "id": "chatcmpl-1",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": model,
                    "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            end = {
                "id": "chatcmpl-1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
            self.wfile.flush()
            return
        payload = json.dumps(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 0,
                "model": model,
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": reply["content"]}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class FakeLLMServer:
    def __init__(self, default: str = "The indexed documents do not cover that."):
        self.script: list[Reply] = []
        self.requests: list[dict] = []
        self.default = default
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> FakeLLMServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
