#!/usr/bin/env python3
"""The conversion loop on a running platform (./run.sh), measured: docs/loop.md.

Run right after `dotnet run --project samples/Replay` (pass its start time with --since, seconds since the epoch):
waits for the router call site, starts a fine-tune job on it through the training API and follows its progress,
asks the registered model through serving, promotes it through the tasks API, then sends unseen BANKING77 queries
(the train split; the model learned from the replayed test split) through the gateway exactly as the agent would,
and reports who answered, agreement with the teacher's label, the gateway's time and the savings report.
Standard library only.
"""
import argparse, csv, json, statistics, time, urllib.error, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
p = argparse.ArgumentParser()
p.add_argument("--key-file", default=str(ROOT / ".slm" / "dev-api-key"))
# ../shared/data beside the repository where it exists, else what eng/fetch-demo-data.sh fetched.
p.add_argument("--data", default=str(next((d for d in (ROOT.parent / "shared" / "data", ROOT / ".slm" / "demo-data") if d.is_dir()),
                                          ROOT / ".slm" / "demo-data")))
p.add_argument("--since", type=float, default=time.time(), help="when the replay started (time.time())")
p.add_argument("--queries", type=int, default=1500)
p.add_argument("--policy", action="store_true",
               help="let the promotion policy promote (shadow → canary → full) instead of a person; needs ./run.sh started with "
                    "--Parameters:upstream-base-url=http://localhost:5199/v1 and samples/loop-demo/replay_teacher.py running")
p.add_argument("--bar", type=float, default=0.95, help="the policy's bar")
p.add_argument("--min-online-samples", type=int, default=100)
p.add_argument("--canary-share", type=float, default=0.5)
p.add_argument("--sample", type=float, default=0.2)
p.add_argument("--kind", default="auto", help="the specialist kind to train: auto (the selector chooses), classifier-head, generative")
p.add_argument("--time-limit", type=int, default=None, help="the fine-tune job's time limit in seconds (the generative kind trains for most of it)")
p.add_argument("--min-coverage", type=float, default=0.5, help="the policy's least share of calls answered at the bar")
args = p.parse_args()
if not Path(args.data, "banking77").is_dir():
    raise SystemExit(f"No BANKING77 at {args.data}: run eng/fetch-demo-data.sh, or pass --data with the folder that holds banking77/.")
KEY = Path(args.key_file).read_text().strip()


def call(method, url, body=None, headers=None):
    h = {"Authorization": "Bearer " + KEY, "Content-Type": "application/json", **(headers or {})}
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(), headers=h)
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            data = response.read()
            return response.status, dict(response.headers), json.loads(data) if data else None
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), None


def log(message):
    print(f"[{time.time() - args.since:7.1f} s] {message}", flush=True)


while True:
    _, _, tasks = call("GET", "http://localhost:5103/api/tasks")
    router = next((t for t in tasks or [] if t["agent"] == "support-agent" and t["calls"] >= 3080), None)
    if router:
        break
    time.sleep(2)
log(f"router call site {router['name']}: {router['calls']} calls, {router['distinct_labels']} labels")

# With --policy the platform promotes by itself; without, it only recommends and the demo promotes as a person would.
policy = {"approval": "automatic" if args.policy else "manual", "bar": args.bar, "min_online_samples": args.min_online_samples,
          "canary_share": args.canary_share, "sample": args.sample, "min_coverage": args.min_coverage}
status, _, _ = call("PUT", "http://localhost:5103/api/promotion-policy", policy)
log(f"promotion policy {policy} ({status})")

request = {"task_id": router["id"], "client_job_id": f"loop-{router['id']}-{args.kind}", "kind": args.kind}
if args.time_limit:
    request["time_limit_seconds"] = args.time_limit
status, _, job = call("POST", "http://localhost:5104/api/finetune-jobs", request)
log(f"fine-tune job {job['id']} ({status})")
last = None
while True:
    _, _, job = call("GET", f"http://localhost:5104/api/finetune-jobs/{job['id']}")
    phase = (job.get("progress") or {}).get("phase")
    if (job["state"], phase) != last:
        log(f"job {job['state']} {phase or ''}")
        last = (job["state"], phase)
    if job["state"] in ("succeeded", "failed", "cancelled"):
        break
    time.sleep(2)
if job["state"] != "succeeded":
    raise SystemExit(f"job {job['state']}: {job.get('error')}")

_, _, model = call("GET", f"http://localhost:5104/api/models/{job['model_id']}")
test = model["metrics"]["test"]
# A head reports accuracy; a generative specialist exact match of the whole answer, as served.
score, interval = (("accuracy", "accuracy_ci95") if "accuracy" in test else ("exact_match", "exact_match_ci95"))
log(f"model {model['id']} ({model['kind']}): held-out {score} {test[score]:.3f} {test[interval]} on {test['n']}")
status, _, answer = call("POST", "http://localhost:5105/api/chat", {"model": model["id"], "stream": False,
                                                                    "messages": [{"role": "user", "content": "My new card still has not arrived"}]})
log(f"serving answers: {answer['message']['content']}")
evaluation = None
while not evaluation:
    _, _, evaluations = call("GET", f"http://localhost:5104/api/models/{model['id']}/evaluations")
    evaluation = (evaluations or [None])[0]
    time.sleep(1)
log(f"evaluated as served: {evaluation['measure']} {evaluation['agreement']:.3f} "
    f"({evaluation['agreement_lower']:.3f}–{evaluation['agreement_upper']:.3f}, n = {evaluation['examples']}), "
    f"p50 {evaluation['latency_p50_ms']:.1f} ms")
decision = None
while not decision:
    _, _, decisions = call("GET", f"http://localhost:5103/api/tasks/{router['id']}/promotions")
    # The model's first decision: later ones (a re-evaluation, a retrained rival) are about something else.
    decision = next((d for d in reversed(decisions or []) if d["model_id"] == model["id"]), None)
    time.sleep(1)
log(f"the policy's verdict: {decision['action']} — {decision['reason']}")
if args.policy:
    if decision["action"] != "shadow":
        raise SystemExit("the policy did not promote the model (see its reason); more calls, a lower --min-coverage or --bar, "
                         "or promote it by hand (without --policy)")
else:
    if decision["action"] not in ("shadow", "canary", "full"):
        log("the policy would not promote this model (its reason above); the demo promotes it by hand anyway, as a person may")
    status, _, _ = call("PUT", f"http://localhost:5103/api/tasks/{router['id']}/specialist", {"model_id": model["id"]})
    log(f"promoted by hand to answer every call of the router task ({status})")

intents = json.loads(Path(args.data, "banking77", "categories.json").read_text())
system = ("You route a bank's customer-support messages. Answer with JSON {\"intent\": \"<label>\"}, "
          "where <label> is exactly one of: " + ", ".join(intents) + ".")
rows = list(csv.reader(open(Path(args.data, "banking77", "train.csv"), encoding="utf-8")))[1:]
rows = rows[:: max(1, len(rows) // args.queries)][: args.queries]
served = agree = 0
gateway_ms, teacher_ms, failures = [], [], []
mode, modes, served_in_full, queries_in_full, agree_in_full, agent_agree_in_full = None, [], 0, 0, 0, 0
for index, (text, label) in enumerate(rows):
    if args.policy and index % 25 == 0:
        _, _, detail = call("GET", f"http://localhost:5103/api/tasks/{router['id']}")
        now = (detail.get("specialist") or {}).get("mode")
        if now != mode:
            mode = now
            modes.append({"mode": mode, "after_query": index, "seconds": round(time.time() - args.since, 1)})
            log(f"the router task is now served in mode {mode} (query {index})")
    status, headers, answer = call("POST", "http://localhost:5100/v1/chat/completions",
                                   {"model": "gpt-4o", "response_format": {"type": "json_object"},
                                    "messages": [{"role": "system", "content": system}, {"role": "user", "content": text}]},
                                   {"X-Slm-Agent": "support-agent"})
    if answer is None:
        failures.append(status)
        log(f"query {index}: the gateway answered {status}")
        continue
    queries_in_full += mode == "full"
    # What the agent got, from whoever answered: the teacher (replay_teacher.py) answers with the label itself.
    right = json.loads(answer["choices"][0]["message"]["content"]).get("intent") == label
    agent_agree_in_full += mode == "full" and right
    if headers.get("x-slm-served-by"):
        if served == 0:
            log(f"the specialist is answering the agent's calls through the gateway (query {index}, served by {headers['x-slm-served-by']})")
        served += 1
        served_in_full += mode == "full"
        agree_in_full += mode == "full" and right
        gateway_ms.append(float(headers["x-slm-overhead-duration-ms"]))
        agree += right
    elif mode == "full":
        teacher_ms.append(float(headers.get("x-slm-overhead-duration-ms", "nan")))
log(f"{len(rows)} unseen router queries through the gateway")
_, _, savings = call("GET", "http://localhost:5103/api/savings")
gateway_ms.sort()
print(json.dumps({
    "queries": len(rows), "failed": failures, "served_by_specialist": served, "agreement_with_teacher": round(agree / max(served, 1), 4),
    "gateway_ms_p50": statistics.median(gateway_ms) if gateway_ms else None,
    "gateway_ms_p95": gateway_ms[int(0.95 * len(gateway_ms))] if gateway_ms else None,
    "savings": {k: savings[k] for k in ("specialist_calls", "fallbacks", "cost_avoided")},
    "shadow_agreement": next((t.get("shadow_agreement") for t in savings["tasks"] if t["task_id"] == router["id"]), None),
    "modes": modes if args.policy else None,
    "served_share_once_full": round(served_in_full / queries_in_full, 4) if queries_in_full else None,
    "agreement_on_served_once_full": round(agree_in_full / served_in_full, 4) if served_in_full else None,
    "agent_agreement_once_full": round(agent_agree_in_full / queries_in_full, 4) if queries_in_full else None,
    "gateway_ms_p50_when_the_teacher_answered_once_full": statistics.median(teacher_ms) if teacher_ms else None,
}, indent=1))
