#!/usr/bin/env python3
"""The teacher LLM of the BANKING77 replay, for the gateway to call when no real LLM can be reached (docs/loop.md).

An OpenAI-compatible /v1/chat/completions that answers the intent router's calls as the replayed teacher did: with
{"intent": "<label>"} for the customer's message, looked up in BANKING77 (train and test splits). It stands in for the
LLM only where the replay already stood in for it; it is never a model. Start ./run.sh with
--Parameters:upstream-base-url=http://localhost:5199/v1 to route the gateway's teacher calls here. Standard library only.
"""
import argparse, csv, json, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
p = argparse.ArgumentParser()
# ../shared/data beside the repository where it exists, else what eng/fetch-demo-data.sh fetched.
p.add_argument("--data", default=str(next((d for d in (ROOT.parent / "shared" / "data", ROOT / ".slm" / "demo-data") if d.is_dir()),
                                          ROOT / ".slm" / "demo-data")))
p.add_argument("--port", type=int, default=5199)
args = p.parse_args()
if not Path(args.data, "banking77").is_dir():
    raise SystemExit(f"No BANKING77 at {args.data}: run eng/fetch-demo-data.sh, or pass --data with the folder that holds banking77/.")

labels = {}
for split in ("train", "test"):
    with open(Path(args.data, "banking77", f"{split}.csv"), encoding="utf-8") as f:
        for text, label in list(csv.reader(f))[1:]:
            labels[text.strip()] = label


class Teacher(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as providers answer; every response carries its Content-Length
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        users = [m for m in body.get("messages", []) if m.get("role") == "user"]
        text = users[-1]["content"].strip() if users and isinstance(users[-1].get("content"), str) else ""
        if text not in labels:
            self.send_error(404, "not a replayed BANKING77 message")
            return
        answer = json.dumps({"intent": labels[text]})
        completion = {
            "id": "chatcmpl-replay", "object": "chat.completion", "created": int(time.time()), "model": body.get("model", "teacher"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
        }
        data = json.dumps(completion).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_):
        pass


class Server(ThreadingHTTPServer):
    # The gateway asks in bursts (the agent's calls and, with sample 1.0, a teacher sample of each specialist answer):
    # the default backlog of 5 refuses connections, which the gateway rightly reports as 502.
    request_queue_size = 256
    daemon_threads = True


print(f"replay teacher on http://localhost:{args.port}/v1 ({len(labels)} messages)", flush=True)
Server(("127.0.0.1", args.port), Teacher).serve_forever()
