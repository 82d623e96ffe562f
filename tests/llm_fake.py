"""A local stand-in for an OpenAI-compatible LLM server (what llama.cpp's server, vLLM or OpenAI
answer on /v1/chat/completions), for the real llama-index client to talk to over real HTTP.

Each request takes the next scripted reply: a string (the answer text; streamed as server-sent
events when the request asks for a stream), {"status": 500}, {"sleep": seconds, "text": ...} or
{"garbage": True} (a stream of lines that are not events), or a function of the request body
returning one of those. Requests are recorded.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeLlm:
    def __init__(self) -> None:
        self.replies: deque = deque()
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                fake.requests.append({"path": self.path, "body": body, "headers": dict(self.headers)})
                reply = fake.replies.popleft() if fake.replies else "The passages do not answer this."
                if callable(reply):  # a reply written from the request (e.g. citing a passage by its number)
                    reply = reply(body)
                if isinstance(reply, dict) and "sleep" in reply:
                    time.sleep(reply["sleep"])
                    reply = reply.get("text", "")
                if isinstance(reply, dict) and "status" in reply:
                    return self._json(reply["status"], {"error": {"message": "scripted failure", "type": "server_error"}})
                if isinstance(reply, dict) and reply.get("garbage"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    self.wfile.write(b"data: {not json\n\nthis is not an event stream\n\n")
                    return
                if body.get("stream"):
                    return self._stream(str(reply))
                return self._json(200, {
                    "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": str(reply)},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

            def _json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [text[i:i + 20] for i in range(0, len(text), 20)] or [""]
                for piece in pieces:
                    chunk = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0, "model": "m",
                             "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                done = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0, "model": "m",
                        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def passages_of(body: dict) -> dict[int, str]:
    """The passages the request carried, by number (parsed from the fenced user message)."""
    import re

    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    return {int(n): text for n, text in re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', user, re.S)}


def number_of(body: dict, needle: str) -> int:
    return next(n for n, text in passages_of(body).items() if needle in text)
