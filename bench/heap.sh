#!/bin/bash
# Memory per registration (issue 8): the live heap a GridPBX node holds for each registered contact,
# through the real REGISTER path (SIPp, digest auth), with one node and with two (where every map
# has one synchronous backup, so the cluster holds each binding twice). It prints figures; it
# asserts nothing.
#
# Per set-up: start the node(s) as bench/run.sh does, provision USERS users (one bulk POST, the
# measured set) and WARM_USERS more (the warm-up set), register the warm-up set (JIT, pools, caches),
# wait until the write-behind is synced, force full GCs and take each node's class histogram (live
# objects); then register the USERS measured users once each (one contact per address of record, so
# USERS distinct contacts), wait for the sync again and take the histograms again. Bytes per
# registration = the increase of the live heap, summed over the nodes, / the increase of the
# registered addresses the grid reports. Also printed: the top classes of the increase.
#
# Usage:  bench/heap.sh                        # NODES="1 2", 100,000 registrations (about 8-10 min)
#         NODES=1 USERS=20000 bench/heap.sh    # quicker
#         ROOT=/work/before bench/heap.sh      # another checkout's build
#
# Knobs (environment):
#   NODES        "1 2"        cluster sizes to measure
#   USERS        100000       registrations measured (users 100000.., one contact each; at most 100,000:
#                             the provisioning API's bulk limit)
#   WARM_USERS   10000        users registered before the baseline (users after the measured ones)
#   REG_RATE     1000         REGISTER rate of the measured registration (split between the nodes; a
#                             shared 2-core box sheds part of 2,000/s, and only what registered counts)
#   WARM_REG_RATE 1000        rate of the warm-up registration
#   TOP          15           classes printed
#   HEAP_DUMP    0            1: also a heap dump of each node at the end (nodeN.hprof), for
#                             bench/hprof_holders.py (which objects hold the strings and arrays)
#   ROOT         this checkout if its jar exists, else ../before   JAR  ROOT's exec jar (never built here)
#   GRIDPBX_JVM_OPTS "-Xms1g -Xmx2g", NODE_ARGS, SIPP_EXTRA: as run.sh
#   WORK         /tmp/gridpbx-bench: users in WORK/heap-users, results in WORK/heap/<stamp>/
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
JAR_REL=grid-node/target/gridpbx-grid-node-0.1.0-SNAPSHOT-exec.jar
if [ -z "${ROOT:-}" ]; then
  ROOT="$HERE/.."
  [ -f "$ROOT/$JAR_REL" ] || [ ! -f "$HERE/../../before/$JAR_REL" ] || ROOT="$HERE/../../before"
fi
ROOT=$(cd "$ROOT" && pwd)
SC="$HERE/scenarios"

NODES=${NODES-"1 2"}
USERS=${USERS:-100000}
WARM_USERS=${WARM_USERS:-10000}
REG_RATE=${REG_RATE:-1000}
WARM_REG_RATE=${WARM_REG_RATE:-1000}
TOP=${TOP:-15}
JAR=${JAR:-$ROOT/$JAR_REL}
IDLE_SECS=5
SIPP_EXTRA=${SIPP_EXTRA:-}
JVM_OPTS=${GRIDPBX_JVM_OPTS:-"-Xms1g -Xmx2g"}
NODE_ARGS=${NODE_ARGS:-}
# run_load's SIPp time limits follow DUR: the longest run here is the measured registration
DUR=$(( (USERS + REG_RATE - 1) / REG_RATE + 10 ))

FIRST_EXT=100000
WARM_FIRST=$((FIRST_EXT + USERS))
TOKEN=${TOKEN:-bench-$$-$RANDOM$RANDOM}
RESELLER=bench.gridpbx.test
DOMAIN=load.bench.gridpbx.test
UAS_PORT=36010

STAMP=$(date +%Y%m%d-%H%M%S)
WORK=${WORK:-/tmp/gridpbx-bench}
OUT=${OUT:-$WORK/heap/$STAMP}
DATA=$WORK/heap-users/measured
WDATA=$WORK/heap-users/warm
mkdir -p "$OUT" "$DATA" "$WDATA"

. "$HERE/lib.sh"
trap cleanup EXIT
trap 'echo "# interrupted"; exit 130' INT TERM

require_sipp_curl
command -v python3 >/dev/null || { echo "FATAL: python3 is missing (it compares the histograms)"; exit 1; }
JDK_BIN=$(dirname "$(java25)")
[ -x "$JDK_BIN/jcmd" ] || { echo "FATAL: no JDK 25 jcmd (set GRIDPBX_JAVA_HOME)"; exit 1; }
[ "$USERS" -le 100000 ] || { echo "FATAL: USERS is at most 100000 (one bulk POST)"; exit 1; }
[ -f "$JAR" ] || { echo "FATAL: no jar $JAR (build it, or set ROOT= or JAR=)"; exit 1; }
LAUNCH_JAR=$JAR
(cd "$DATA" && gen_users)
(USERS=$WARM_USERS FIRST_EXT=$WARM_FIRST DATA=$WDATA; cd "$WDATA" && gen_users)

exec > >(tee "$OUT/summary.txt") 2>&1
echo "# $(date -Is) host: $(nproc) cpus; NODES=\"$NODES\" USERS=$USERS WARM_USERS=$WARM_USERS REG_RATE=$REG_RATE/s" \
     "GRIDPBX_JVM_OPTS=\"$JVM_OPTS\" NODE_ARGS=\"$NODE_ARGS\" jar $JAR ($(date -r "$JAR" -Is)); raw output: $OUT"

# wait_synced: until every node reports its write-behind synced (nothing pending in the cluster), at most 180 s
wait_synced() {
  local i t0=$SECONDS all
  while :; do
    all=1
    for i in $(seq ${#NODE_PIDS[@]}); do status_of "$i" | grep -q '"synced":true' || all=0; done
    [ $all = 1 ] && return 0
    [ $((SECONDS - t0)) -gt 180 ] && { echo "# $SETUP: write-behind not synced after 180 s; measuring anyway"; return 1; }
    sleep 1
  done
}
# histograms TAG: full GCs, then each node's class histogram (live objects only) and heap_info
histograms() {
  local tag=$1 i p
  for i in $(seq ${#NODE_PIDS[@]}); do
    p=${NODE_PIDS[$((i - 1))]}
    "$JDK_BIN/jcmd" "$p" GC.run > /dev/null; sleep 1; "$JDK_BIN/jcmd" "$p" GC.run > /dev/null
    "$JDK_BIN/jcmd" "$p" GC.class_histogram > "$OUT/$SETUP/histo-$tag-node$i.txt"
    "$JDK_BIN/jcmd" "$p" GC.heap_info > "$OUT/$SETUP/heapinfo-$tag-node$i.txt"
  done
}

declare -A PER_REG
bench_heap() {   # $1 = number of nodes
  local n=$1 i a0 a1
  SETUP="gridpbx-${n}node"
  mkdir -p "$OUT/$SETUP"
  start_nodes "$n"
  provision
  local r
  r=$(api user-ranges "{\"domain\":\"$DOMAIN\",\"firstExtension\":$WARM_FIRST,\"count\":$WARM_USERS,\"passwordPrefix\":\"pw\"}")
  echo "# POST user-ranges (the $WARM_USERS warm-up users): $r"
  [[ $r == 201* ]] || { echo "FATAL: could not create the warm-up users"; exit 1; }
  DOMAIN_KEY=$DOMAIN
  if [ "$n" = 1 ]; then
    TARGETS=("127.0.0.1:35060 36000 $WDATA/users.csv")
  else
    TARGETS=("127.0.0.1:35060 36000 $WDATA/users-a.csv" "127.0.0.2:35061 36001 $WDATA/users-b.csv")
  fi
  warm_up warm-registration "$WARM_REG_RATE" "$WARM_USERS" 0 reg_auth.xml
  wait_synced
  sleep 2
  a0=$(registered_count)
  histograms before
  if [ "$n" = 1 ]; then
    TARGETS=("127.0.0.1:35060 36000 $DATA/users.csv")
  else
    TARGETS=("127.0.0.1:35060 36000 $DATA/users-a.csv" "127.0.0.2:35061 36001 $DATA/users-b.csv")
  fi
  run_load "register-$USERS" "$REG_RATE" "$USERS" 0 reg_auth.xml
  wait_synced
  sleep 2
  a1=$(registered_count)
  echo "# $SETUP: the grid holds $a1 registered addresses of record ($a0 before the measured registration)"
  histograms after
  if [ "${HEAP_DUMP:-0}" = 1 ]; then   # for an analysis of who holds what (bench/hprof_holders.py)
    for i in $(seq "$n"); do "$JDK_BIN/jcmd" "${NODE_PIDS[$((i - 1))]}" GC.heap_dump "$OUT/$SETUP/node$i.hprof" > /dev/null; done
  fi
  for i in $(seq "$n"); do echo "# node $i status: $(status_of "$i")"; done
  python3 - "$OUT/$SETUP" "$n" "$((a1 - a0))" "$TOP" "$SETUP" <<'PY' | tee "$OUT/$SETUP/heap.txt"
import re, sys
d, n, regs, top, setup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]

FILLER = re.compile(r"jdk\.internal\.vm\.Filler")   # G1's filler arrays in unused heap space: not live data

def histo(path):
    classes = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m and not FILLER.search(m.group(3)):
            c = classes.setdefault(m.group(3), [0, 0])
            c[0] += int(m.group(1)); c[1] += int(m.group(2))
    return classes, sum(c[1] for c in classes.values())

def heap_used(path):   # GC.heap_info: " garbage-first heap   total reserved ..., committed ..., used 123456K"
    m = re.search(r"used (\d+)K", open(path).read())
    return int(m.group(1)) * 1024 if m else 0

delta, live0, live1, used0, used1 = {}, 0, 0, 0, 0
for i in range(1, n + 1):
    b, tb = histo(f"{d}/histo-before-node{i}.txt")
    a, ta = histo(f"{d}/histo-after-node{i}.txt")
    ub, ua = heap_used(f"{d}/heapinfo-before-node{i}.txt"), heap_used(f"{d}/heapinfo-after-node{i}.txt")
    print(f"# node {i}: live heap (class histogram after full GC, G1 fillers left out) {tb / 2**20:.1f} -> {ta / 2**20:.1f} MiB "
          f"(+{(ta - tb) / 2**20:.1f} MiB); heap_info used {ub / 2**20:.1f} -> {ua / 2**20:.1f} MiB")
    live0 += tb; live1 += ta; used0 += ub; used1 += ua
    for k in set(a) | set(b):
        x, y = b.get(k, [0, 0]), a.get(k, [0, 0])
        e = delta.setdefault(k, [0, 0])
        e[0] += y[0] - x[0]; e[1] += y[1] - x[1]
per = (live1 - live0) / regs if regs > 0 else float("nan")
per_used = (used1 - used0) / regs if regs > 0 else float("nan")
print(f"HEAP {setup}: {regs} new registrations (registered addresses of the grid); live heap of the "
      f"{'node' if n == 1 else f'{n} nodes, summed'} +{(live1 - live0) / 2**20:.1f} MiB = {per:.0f} bytes per registration"
      f"{' (owner + backup)' if n > 1 else ''}; by heap_info used: {per_used:.0f} bytes")
print(f"top {top} classes of the increase ({'both nodes' if n > 1 else 'the node'}):")
print(f"{'bytes':>12} {'bytes/reg':>9} {'instances':>10} {'inst/reg':>8}  class")
for k, (ni, nb) in sorted(delta.items(), key=lambda kv: -kv[1][1])[:top]:
    print(f"{nb:>12} {nb / regs if regs else 0:>9.1f} {ni:>10} {ni / regs if regs else 0:>8.2f}  {k}")
PY
  PER_REG[$SETUP]=$(grep -o '= [0-9]* bytes per registration' "$OUT/$SETUP/heap.txt" | grep -o '[0-9]*')
  stop_nodes
}

for n in $NODES; do
  case $n in 1|2) bench_heap "$n" ;; *) echo "# NODES: only 1 and 2 are supported, not $n" ;; esac
done
echo
echo "SUMMARY live heap per registration (USERS=$USERS distinct contacts, one per address of record)"
for n in $NODES; do echo "  gridpbx-${n}node: ${PER_REG[gridpbx-${n}node]:-?} bytes$([ "$n" = 2 ] && echo ' (both nodes: owner + synchronous backup)')"; done
echo "# raw output: $OUT"
