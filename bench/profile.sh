#!/bin/bash
# Where a GridPBX node spends its CPU under one steady SIPp load (issue 8): one node started as
# bench/run.sh starts it (or one already running), warmed up, then a JFR recording (settings=profile)
# of one measured SIPp run, and a report: execution samples per layer (JAIN-SIP parse, JAIN-SIP
# transactions/stack, GridPBX logic, Hazelcast, write-behind/database, JDK networking, crypto...),
# the top leaf frames, samples per thread, CPU per thread from /proc (GC and JIT threads included),
# GC pauses and CPU, and the node's and SIPp's CPU per operation. It prints figures; it asserts nothing.
#
#   reg   REGISTER -> 401 -> REGISTER with digest -> 200 over the 10,000 bench users (run.sh's reg)
#   call  INVITE -> 407 -> ACK -> INVITE with credentials -> 180/200 -> ACK -> hold -> BYE (run.sh's call)
#
# Usage:  bench/profile.sh                                   # MODE=call RATE=500 DUR=20, this tree's jar
#         ROOT=/work/before MODE=reg RATE=3000 bench/profile.sh   # another checkout's build
#         JAR=/path/to/gridpbx-grid-node-...-exec.jar bench/profile.sh
#
# Knobs (environment):
#   MODE        call               reg or call
#   RATE        500 (call), 3000 (reg)   operations per second offered during the recording
#   DUR         20                 seconds of the recorded run
#   WARM_SECS   15                 unmeasured seconds at RATE before the recording (JIT), after the
#                                  registration of every user (and the callees' UAS in call mode)
#   ROOT        this checkout      the GridPBX checkout whose launcher flags and jar are used
#   JAR         ROOT/grid-node/target/gridpbx-grid-node-0.1.0-SNAPSHOT-exec.jar; never built here:
#               the node is "java <the launcher's JVM_FLAGS> GRIDPBX_JVM_OPTS -jar JAR"
#   ATTACH_PID  (unset)            profile this running node instead (SIP 127.0.0.1:35060, HTTP 38080,
#                                  operator TOKEN=... for provisioning); it is not stopped afterwards
#   NODE_ARGS, GRIDPBX_JVM_OPTS ("-Xms1g -Xmx2g"), PAUSE_MS (1000), SIPP_EXTRA, WARM_REG_RATE (300): as run.sh
#   SAMPLER     exec               exec: the report counts jdk.ExecutionSample (Java threads in Java code,
#                                  every 10 ms); cpu: also records jdk.CPUTimeSample (JDK 25, Linux,
#                                  experimental: one sample per 10 ms of a thread's CPU time, native
#                                  code included) and the report counts those
#   JFR_SETTINGS profile, STACK_DEPTH 64, TOP 25
#   WORK        /tmp/gridpbx-bench: users in WORK/users, results in WORK/profile/<stamp>/
#               (profile.jfr, report.txt, node log, SIPp output)
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT=$(cd "${ROOT:-$HERE/..}" && pwd)
SC="$HERE/scenarios"

MODE=${MODE:-call}
case $MODE in
  reg)  RATE=${RATE:-3000} ;;
  call) RATE=${RATE:-500} ;;
  *) echo "MODE must be reg or call, not $MODE"; exit 2 ;;
esac
DUR=${DUR:-20}
WARM_SECS=${WARM_SECS:-15}
JAR=${JAR:-$ROOT/grid-node/target/gridpbx-grid-node-0.1.0-SNAPSHOT-exec.jar}
ATTACH_PID=${ATTACH_PID:-}
PAUSE_MS=${PAUSE_MS:-1000}
WARM_REG_RATE=${WARM_REG_RATE:-300}
IDLE_SECS=${IDLE_SECS:-5}
SIPP_EXTRA=${SIPP_EXTRA:-}
JVM_OPTS=${GRIDPBX_JVM_OPTS:-"-Xms1g -Xmx2g"}
NODE_ARGS=${NODE_ARGS:-}
JFR_SETTINGS=${JFR_SETTINGS:-profile}
STACK_DEPTH=${STACK_DEPTH:-64}
TOP=${TOP:-25}
SAMPLER=${SAMPLER:-exec}
case $SAMPLER in
  exec) SAMPLE_EVENT=jdk.ExecutionSample; JFR_EXTRA=() ;;
  cpu)  SAMPLE_EVENT=jdk.CPUTimeSample; JFR_EXTRA=("jdk.CPUTimeSample#enabled=true" "jdk.CPUTimeSample#throttle=10ms") ;;
  *) echo "SAMPLER must be exec or cpu, not $SAMPLER"; exit 2 ;;
esac

USERS=10000
FIRST_EXT=100000
TOKEN=${TOKEN:-bench-$$-$RANDOM$RANDOM}
RESELLER=bench.gridpbx.test
DOMAIN=load.bench.gridpbx.test
UAS_PORT=36010

STAMP=$(date +%Y%m%d-%H%M%S)
WORK=${WORK:-/tmp/gridpbx-bench}
OUT=${OUT:-$WORK/profile/$STAMP}
DATA=$WORK/users
mkdir -p "$OUT" "$DATA"

. "$HERE/lib.sh"
JFR_NAME=gridpbx-profile
JFR_ON=""
profile_cleanup() {
  [ -n "$JFR_ON" ] && "$JDK_BIN/jcmd" "${NODE_PIDS[0]}" JFR.stop name=$JFR_NAME > /dev/null 2>&1
  [ -n "$ATTACH_PID" ] && NODE_PIDS=()   # not ours: left running
  cleanup
}
trap profile_cleanup EXIT
trap 'echo "# interrupted"; exit 130' INT TERM

require_sipp_curl
command -v python3 >/dev/null || { echo "FATAL: python3 is missing (it parses the recording)"; exit 1; }
JDK_BIN=$(dirname "$(java25)")
[ -x "$JDK_BIN/jcmd" ] && [ -x "$JDK_BIN/jfr" ] || { echo "FATAL: no JDK 25 jcmd/jfr (set GRIDPBX_JAVA_HOME)"; exit 1; }
(cd "$DATA" && gen_users)

exec > >(tee "$OUT/summary.txt") 2>&1
SETUP=gridpbx-1node
mkdir -p "$OUT/$SETUP"
echo "# $(date -Is) host: $(nproc) cpus; MODE=$MODE RATE=$RATE/s DUR=${DUR}s WARM_SECS=$WARM_SECS JFR settings=$JFR_SETTINGS SAMPLER=$SAMPLER" \
     "GRIDPBX_JVM_OPTS=\"$JVM_OPTS\" NODE_ARGS=\"$NODE_ARGS\" raw output: $OUT"
if [ -n "$ATTACH_PID" ]; then
  kill -0 "$ATTACH_PID" 2>/dev/null || { echo "FATAL: no process $ATTACH_PID"; exit 1; }
  NODE_PIDS=("$ATTACH_PID")
  echo "# attached to the running node pid $ATTACH_PID ($(tr '\0' ' ' < "/proc/$ATTACH_PID/cmdline" | grep -o '[^ ]*\.jar' | head -1))"
else
  [ -f "$JAR" ] || { echo "FATAL: no jar $JAR (build it, or set ROOT= or JAR=)"; exit 1; }
  LAUNCH_JAR=$JAR
  echo "# jar $JAR ($(date -r "$JAR" -Is)), launcher flags from $ROOT/gridpbx"
  start_nodes 1
fi
provision
TARGETS=("127.0.0.1:35060 36000 $DATA/users.csv")
DOMAIN_KEY=$DOMAIN

# warm-up: every user registers once (with Contact = the UAS in call mode), then WARM_SECS at RATE
if [ "$MODE" = call ]; then
  start_uas "$SETUP"
  register_all callee-registration reg_auth.xml
  [ "$(registered_count)" -lt "$USERS" ] && register_all callee-registration-again reg_auth.xml
  SF=uac_call_auth.xml; HOLD=$PAUSE_MS; EXTRA=(-d "$PAUSE_MS")
else
  register_all reg-warmup reg_auth.xml
  SF=reg_auth.xml; HOLD=0; EXTRA=()
fi
registered_check
[ "$WARM_SECS" -gt 0 ] && warm_up "$MODE-warmup-r$RATE" "$RATE" $((RATE * WARM_SECS)) "$HOLD" "$SF" "${EXTRA[@]}"
measure_idle
sleep 2

# the recording: JFR from just before the measured SIPp run to just after it ends
PID=${NODE_PIDS[0]}
JFR_FILE="$OUT/profile.jfr"
"$JDK_BIN/jcmd" "$PID" JFR.start name=$JFR_NAME settings="$JFR_SETTINGS" "${JFR_EXTRA[@]}" > "$OUT/jfr-start.txt" 2>&1 \
  || { echo "FATAL: JFR.start failed: $(cat "$OUT/jfr-start.txt")"; exit 1; }
JFR_ON=1
python3 "$HERE/profile_report.py" snapshot "$PID" > "$OUT/threads0.tsv"
run_load "$MODE-r$RATE" "$RATE" $((RATE * DUR)) "$HOLD" "$SF" "${EXTRA[@]}"
python3 "$HERE/profile_report.py" snapshot "$PID" > "$OUT/threads1.tsv"
"$JDK_BIN/jcmd" "$PID" Thread.print > "$OUT/threads.txt" 2>&1
"$JDK_BIN/jcmd" "$PID" JFR.stop name=$JFR_NAME filename="$JFR_FILE" > "$OUT/jfr-stop.txt" 2>&1 \
  || { echo "FATAL: JFR.stop failed: $(cat "$OUT/jfr-stop.txt")"; exit 1; }
JFR_ON=""
[ "$MODE" = call ] && stop_uas
echo "# node status: $(status_of 1)"

echo
echo "PROFILE $SETUP $MODE at $RATE/s for ${DUR}s, node pid $PID ($(tr '\0' ' ' < "/proc/$PID/cmdline" | grep -o '[^ ]*\.jar' | head -1))"
python3 "$HERE/profile_report.py" report --jfr "$JFR_FILE" --jfr-bin "$JDK_BIN/jfr" --depth "$STACK_DEPTH" --top "$TOP" --event "$SAMPLE_EVENT" \
    --threads0 "$OUT/threads0.tsv" --threads1 "$OUT/threads1.tsv" --thread-dump "$OUT/threads.txt" \
    --result "${RESULTS[-1]}" | tee "$OUT/report.txt"
echo "# recording $JFR_FILE ($(du -h "$JFR_FILE" | cut -f1)), report $OUT/report.txt"
