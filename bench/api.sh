#!/bin/bash
# GridPBX management-plane benchmark: one demo node (embedded store), its REST API driven over
# keep-alive HTTP by a Python client (threads, each with its own connection).
#
#   (a) reads:  GET /api/v1/clients/office.demo.gridpbx.test/users?limit=50 (20 users, live
#       registration status of each) with the client's token
#   (b) writes: PUT /api/v1/me/settings (DND on/off) with a user's token: each write goes to the
#       near-cached tenant map every node's proxy reads
#   (c) GET /api/v1/me: bearer-token resolution (SHA-256 of the secret, one grid read) and nothing else
#
# Each figure is one line starting with "RESULT" (requests/s, p50 and p99 in ms). Not a test.
#
# Usage:  bench/api.sh            REQUESTS=4000 THREADS=4 bench/api.sh
# Ports: HTTP 38280, SIP 35260, Hazelcast 35901.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
REQUESTS=${REQUESTS:-4000}
THREADS=${THREADS:-4}
HTTP_PORT=38280
WORK=${WORK:-/tmp/gridpbx-bench-api}
OUT="$WORK/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
NODE_PID=""
cleanup() {
  if [ -n "$NODE_PID" ]; then
    kill -TERM "$NODE_PID" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.3; done
    kill -0 "$NODE_PID" 2>/dev/null && kill -KILL "$NODE_PID" 2>/dev/null
  fi
}
trap cleanup EXIT

for p in $HTTP_PORT 35260 35901; do
  ss -Hlntu "sport = :$p" 2>/dev/null | grep -q . && { echo "FATAL: port $p is already in use"; exit 1; }
done
"$ROOT/gridpbx" run --gridpbx.sip.port=35260 --gridpbx.sip.tls-port=0 --server.port=$HTTP_PORT --gridpbx.cluster.port=35901 \
    --gridpbx.cluster.members=127.0.0.1:35901 --gridpbx.data-dir="$OUT/node-data" > "$OUT/node.log" 2>&1 &
NODE_PID=$!
t0=$SECONDS
until curl -sf "http://127.0.0.1:$HTTP_PORT/api/v1/node/status" > /dev/null; do
  kill -0 "$NODE_PID" 2>/dev/null || { echo "FATAL: the node exited, see $OUT/node.log"; exit 1; }
  [ $((SECONDS - t0)) -gt 300 ] && { echo "FATAL: the node is not up after 300 s"; exit 1; }
  sleep 1
done
echo "# node pid $NODE_PID up in $((SECONDS - t0)) s (log $OUT/node.log)"

USER_TOKEN=$(curl -s -H 'Authorization: Bearer office-client-token' -H 'Content-Type: application/json' \
  -d '{"label":"bench","scope":"user:202@office.demo.gridpbx.test"}' "http://127.0.0.1:$HTTP_PORT/api/v1/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

python3 - "$HTTP_PORT" "$REQUESTS" "$THREADS" "$USER_TOKEN" <<'PY'
import http.client, json, sys, threading, time
port, total, threads, user_token = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

def run(name, method, path, token, body_of):
    per = total // threads
    times, errors, lock = [], [0], threading.Lock()
    def worker(n):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local = []
        for i in range(per):
            body = body_of(n * per + i)
            headers = {"Authorization": "Bearer " + token}
            if body is not None:
                headers["Content-Type"] = "application/json"
            t = time.perf_counter()
            c.request(method, path, body=body, headers=headers)
            r = c.getresponse(); r.read()
            local.append(time.perf_counter() - t)
            if r.status != 200:
                with lock: errors[0] += 1
        with lock: times.extend(local)
    for warm in range(200):  # warm-up, not counted
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request(method, path, body=body_of(warm), headers={"Authorization": "Bearer " + token,
                  "Content-Type": "application/json"}); c.getresponse().read()
    start = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    [t.start() for t in ts]; [t.join() for t in ts]
    elapsed = time.perf_counter() - start
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"RESULT {name}: {len(times)/elapsed:.0f} requests/s, p50 {p(0.5):.2f} ms, p99 {p(0.99):.2f} ms, "
          f"{errors[0]} errors ({len(times)} requests, {threads} threads)")

run("GET users page (client token)", "GET", "/api/v1/clients/office.demo.gridpbx.test/users?limit=50",
    "office-client-token", lambda i: None)
run("PUT my settings, DND toggled (user token)", "PUT", "/api/v1/me/settings", user_token,
    lambda i: json.dumps({"doNotDisturb": i % 2 == 0, "callWaiting": True}))
run("GET me (token resolution only)", "GET", "/api/v1/me", "office-client-token", lambda i: None)
PY
