#!/bin/bash
# GridPBX persistence benchmark: one node on a local three-node Galera cluster (scripts/galera).
#
#   (a) write-behind throughput: one POST /api/v1/provisioning/user-ranges of BULK_USERS users, timed
#       from the POST until the node reports the cluster synced (nothing pending); rows = users +
#       SIP credentials (two rows a user).
#   (b) recovery after a database outage: SIPp registers the USERS users at REG_RATE/s without a
#       pause; after WARM_SECS every Galera node is stopped for OUTAGE_SECS, then started again. It
#       prints how long the backlog took to come back to its steady level under the load (the level it
#       had before the outage), and to reach zero once the load stopped, and whether any REGISTER failed.
#
# Each figure is one line starting with "RESULT". It is not a test and asserts nothing.
#
# Usage:  bench/persistence.sh
#         OUTAGE_SECS=30 REG_RATE=300 bench/persistence.sh
#
# Knobs (environment):
#   USERS 10000, BULK_USERS 50000, REG_RATE 500, WARM_SECS 25, OUTAGE_SECS 60
#   GRIDPBX_JVM_OPTS "-Xms512m -Xmx1g"
#   WORK /tmp/gridpbx-bench-persistence (Galera data in $WORK/galera, results in $WORK/results/<stamp>)
# Ports: SIP 35160, HTTP 38180, Hazelcast 35801, SIPp 36100; Galera 3307-3309 (only one Galera
# cluster can run on a machine: stop any other one first).
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
GALERA="$ROOT/scripts/galera"

USERS=${USERS:-10000}
BULK_USERS=${BULK_USERS:-50000}
REG_RATE=${REG_RATE:-500}
WARM_SECS=${WARM_SECS:-25}
OUTAGE_SECS=${OUTAGE_SECS:-60}
JVM_OPTS=${GRIDPBX_JVM_OPTS:-"-Xms512m -Xmx1g"}
FIRST_EXT=100000
BULK_FIRST_EXT=200000
TOKEN=bench-$$-$RANDOM$RANDOM
RESELLER=bench.gridpbx.test
DOMAIN=load.bench.gridpbx.test
SIP_PORT=35160
HTTP_PORT=38180
HZ_PORT=35801
SIPP_PORT=36100

WORK=${WORK:-/tmp/gridpbx-bench-persistence}
OUT=$WORK/results/$(date +%Y%m%d-%H%M%S)
GDIR=$WORK/galera
mkdir -p "$OUT" "$GDIR"

NODE_PID=""
SIPP_PID=""
GALERA_STARTED=0
cleanup() {
  [ -n "$SIPP_PID" ] && { kill -TERM "$SIPP_PID" 2>/dev/null; wait "$SIPP_PID" 2>/dev/null; }
  if [ -n "$NODE_PID" ]; then
    kill -TERM "$NODE_PID" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.3; done
    kill -0 "$NODE_PID" 2>/dev/null && kill -KILL "$NODE_PID" 2>/dev/null
    wait "$NODE_PID" 2>/dev/null
  fi
  [ "$GALERA_STARTED" = 1 ] && "$GALERA" --dir "$GDIR" stop > "$OUT/galera-stop.log" 2>&1
}
trap cleanup EXIT
trap 'echo "# interrupted"; exit 130' INT TERM

command -v sipp >/dev/null || { echo "FATAL: sipp is missing (Debian package sip-tester)"; exit 1; }
command -v curl >/dev/null || { echo "FATAL: curl is missing"; exit 1; }
command -v mariadb >/dev/null || { echo "FATAL: the mariadb client is missing (Debian package mariadb-client)"; exit 1; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
status() { curl -s --max-time 6 "http://127.0.0.1:$HTTP_PORT/api/v1/node/status"; }
field() { grep -o "\"$1\":-\?[0-9]*" | head -1 | cut -d: -f2; }
backlog() { status | field clusterBacklog; }
sql() { mariadb -h 127.0.0.1 -P 3309 -u gridpbx -pgridpbx gridpbx -N -e "SET SESSION wsrep_sync_wait=1; $1"; }
api() {   # api PATH JSON -> "HTTP_CODE BODY"
  curl -s --max-time 900 -o "$OUT/api.body" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
       -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$HTTP_PORT/api/v1/provisioning/$1"
  echo " $(cat "$OUT/api.body")"
}
await_synced() {   # await_synced TIMEOUT_S: until the cluster reports nothing pending; returns 1 on timeout
  local t0=$SECONDS b
  while :; do
    b=$(backlog)
    [ "$b" = 0 ] && return 0
    [ $((SECONDS - t0)) -gt "$1" ] && { echo "# not synced after $1 s (backlog ${b:-?})"; return 1; }
    sleep 0.2
  done
}

exec > >(tee "$OUT/summary.txt") 2>&1
echo "# $(date -Is) host: $(nproc) cpus; USERS=$USERS BULK_USERS=$BULK_USERS REG_RATE=$REG_RATE/s WARM_SECS=$WARM_SECS OUTAGE_SECS=$OUTAGE_SECS; raw output: $OUT"

# ---------------------------------------------------------------------------------------------
# Galera, emptied of the previous run's rows (the schema stays; the node's Flyway checks it)
t0=$(now)
"$GALERA" --dir "$GDIR" start > "$OUT/galera-start.log" 2>&1 || { echo "FATAL: scripts/galera start failed, see $OUT/galera-start.log"; exit 1; }
GALERA_STARTED=1
JDBC_URL=$(sed -n 's/^JDBC_URL=//p' "$OUT/galera-start.log")
echo "# galera up in $(since "$t0") s: $JDBC_URL"
for t in $(sql "SELECT table_name FROM information_schema.tables WHERE table_schema = 'gridpbx'
                AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'"); do
  sql "DELETE FROM \`$t\`"
done

# ---------------------------------------------------------------------------------------------
# one node on it
for p in $SIP_PORT $HTTP_PORT $HZ_PORT; do
  ss -Hlntu "sport = :$p" 2>/dev/null | grep -q . && { echo "FATAL: port $p is already in use"; exit 1; }
done
GRIDPBX_JVM_OPTS="$JVM_OPTS" "$ROOT/gridpbx" run --gridpbx.sip.host=127.0.0.1 --gridpbx.sip.port=$SIP_PORT --gridpbx.sip.tls-port=0 \
    --server.port=$HTTP_PORT --gridpbx.cluster.port=$HZ_PORT --gridpbx.cluster.members=127.0.0.1:$HZ_PORT \
    --gridpbx.api.operator-token="$TOKEN" --gridpbx.demo=false --gridpbx.data-dir="$OUT/node-data" \
    --gridpbx.db.url="$JDBC_URL" --gridpbx.db.user=gridpbx --gridpbx.db.password=gridpbx > "$OUT/node.log" 2>&1 &
NODE_PID=$!
t0=$SECONDS
until [ -n "$(status | field clusterSize)" ]; do
  kill -0 "$NODE_PID" 2>/dev/null || { echo "FATAL: the node exited, see $OUT/node.log"; exit 1; }
  [ $((SECONDS - t0)) -gt 300 ] && { echo "FATAL: the node is not up after 300 s, see $OUT/node.log"; exit 1; }
  sleep 1
done
echo "# node pid $NODE_PID up in $((SECONDS - t0)) s: sip udp:127.0.0.1:$SIP_PORT, http :$HTTP_PORT, on Galera"

r=$(api resellers "{\"realm\":\"$RESELLER\",\"name\":\"Bench\"}"); echo "# POST resellers: $r"
r=$(api clients "{\"domain\":\"$DOMAIN\",\"name\":\"Load\",\"resellerRealm\":\"$RESELLER\"}"); echo "# POST clients: $r"
t0=$(now)
r=$(api user-ranges "{\"domain\":\"$DOMAIN\",\"firstExtension\":$FIRST_EXT,\"count\":$USERS,\"passwordPrefix\":\"pw\"}")
echo "# POST user-ranges ($USERS users): $r in $(since "$t0") s"
[[ $r == 201* ]] || { echo "FATAL: could not create the users"; exit 1; }
await_synced 300 || exit 1
echo "# $USERS users written behind $(since "$t0") s after the POST began"

# ---------------------------------------------------------------------------------------------
# (a) write-behind rows/s through one node
t0=$(now)
r=$(api user-ranges "{\"domain\":\"$DOMAIN\",\"firstExtension\":$BULK_FIRST_EXT,\"count\":$BULK_USERS,\"passwordPrefix\":\"pw\"}")
post_s=$(since "$t0")
echo "# POST user-ranges ($BULK_USERS users): ${r:0:60} in $post_s s"
[[ $r == 201* ]] || { echo "FATAL: could not create the bulk users"; exit 1; }
await_synced 900 || exit 1
total_s=$(since "$t0")
rows=$(sql "SELECT (SELECT COUNT(*) FROM users WHERE extension >= '$BULK_FIRST_EXT')
          + (SELECT COUNT(*) FROM sip_credentials WHERE auth_user >= '$BULK_FIRST_EXT')")
awk -v rows="$rows" -v want=$((2 * BULK_USERS)) -v t="$total_s" -v p="$post_s" 'BEGIN {
  printf "RESULT writebehind_bulk rows=%d (of %d expected) post=%.1fs post_to_synced=%.1fs rows_per_s=%.0f\n",
         rows, want, p, t, rows / t }'

# ---------------------------------------------------------------------------------------------
# (b) a database outage under a steady REGISTER load
CSV=$OUT/users.csv
awk -v n="$USERS" -v f=$FIRST_EXT 'BEGIN { print "SEQUENTIAL"
  for (i = 0; i < n; i++) printf "%d;pw%d;[authentication username=%d password=pw%d];%d\n", f+i, f+i, f+i, f+i, f+i }' > "$CSV"
mkdir -p "$OUT/sipp"
( cd "$OUT/sipp" && exec sipp 127.0.0.1:$SIP_PORT -i 127.0.0.1 -p $SIPP_PORT -sf "$HERE/scenarios/reg_auth.xml" \
    -inf "$CSV" -key domain "$DOMAIN" -key contact 127.0.0.1:36109 -r "$REG_RATE" -m 100000000 -l 2000 \
    -recv_timeout 10000 -buff_size 4194304 -default_behaviors all,-bye,-abortunexp \
    -trace_stat -stf "$OUT/sipp/stat.csv" -fd 1 -trace_err < /dev/null > "$OUT/sipp/sipp.out" 2>&1 ) &
SIPP_PID=$!
sleep "$WARM_SECS"
steady=0
for _ in $(seq 10); do   # the backlog a steady load keeps (registrations waiting for the write delay)
  b=$(backlog); [ "${b:-0}" -gt "$steady" ] && steady=$b; sleep 1
done
echo "# steady load: $(status | field registeredAddresses) registered addresses, steady backlog up to $steady entries"

t_out=$(now)
"$GALERA" --dir "$GDIR" stop > "$OUT/galera-outage-stop.log" 2>&1
echo "# every Galera node stopped in $(since "$t_out") s"
peak=0
while awk -v a="$t_out" -v b="$(now)" -v d="$OUTAGE_SECS" 'BEGIN {exit !(b - a < d)}'; do
  b=$(backlog); [ "${b:-0}" -gt "$peak" ] && peak=$b; sleep 1
done
# Galera takes writes as soon as its first node has bootstrapped; "start" returns once all three are
# Synced. So the backlog is watched from the moment the restart begins, while the script runs.
t_start=$(now)
"$GALERA" --dir "$GDIR" start > "$OUT/galera-outage-start.log" 2>&1 &
GSTART_PID=$!
b=$(backlog); [ "${b:-0}" -gt "$peak" ] && peak=$b
level=$((steady * 3 / 2 + 100))
t0=$SECONDS
while :; do
  b=$(backlog)
  [ -n "$b" ] && [ "$b" -ge 0 ] && [ "$b" -le "$level" ] && break
  [ $((SECONDS - t0)) -gt 600 ] && { echo "# backlog still ${b:-?} after 600 s"; break; }
  sleep 0.2
done
drain_load=$(since "$t_start")
wait "$GSTART_PID" || { echo "FATAL: Galera did not come back, see $OUT/galera-outage-start.log"; exit 1; }
echo "# outage $(awk -v a="$t_out" -v b="$t_start" 'BEGIN {printf "%.0f", b - a}') s; backlog peak $peak;" \
     "down to the steady level $drain_load s after the restart began; all three nodes Synced after $(since "$t_start") s"
kill -TERM "$SIPP_PID" 2>/dev/null; wait "$SIPP_PID" 2>/dev/null; SIPP_PID=""
await_synced 300
drain_zero=$(since "$t_start")
stats=$(awk -F';' 'NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k; next }
                   { line = $0 } END { split(line, v, ";")
                     printf "registrations=%d ok=%d failed=%d retrans=%d", v[col["TotalCallCreated"]],
                       v[col["SuccessfulCall(C)"]], v[col["FailedCall(C)"]], v[col["Retransmissions(C)"]] }' "$OUT/sipp/stat.csv")
stored=$(sql "SELECT COUNT(DISTINCT aor) FROM registrations")
grid=$(status | field registeredAddresses)
echo "RESULT outage_drain outage=${OUTAGE_SECS}s load=${REG_RATE}/s backlog_peak=$peak steady_backlog=$steady" \
     "back_to_steady_under_load=${drain_load}s zero_after_load_stopped=${drain_zero}s" \
     "aors_grid=$grid aors_db=$stored sipp: $stats"
