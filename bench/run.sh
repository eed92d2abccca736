#!/bin/bash
# GridPBX benchmark, side by side with the reference Kamailio set-up of ../shared/anchors/kamailio.
#
# For each set-up (Kamailio; GridPBX with one node; GridPBX with two nodes in one cluster) it drives
# SIPp over UDP on loopback at rising rates and prints, per measurement, one line starting with
# "RESULT", then a summary with the highest rate that passed and the GridPBX/Kamailio ratios.
#
#   reg   REGISTER -> 401 -> REGISTER with MD5 digest -> 200, over 10,000 users
#   call  INVITE/100/180/200/ACK/BYE between registered users (callee found by registration lookup);
#         GridPBX asks the caller for proxy credentials (407 + ACK + INVITE again), Kamailio's
#         call_lookup mode does not.
#   reg-overload, call-overload   not a ladder: the capacity (REG_CAPACITY / CALL_CAPACITY, or found
#         by climbing the ladder first) is offered at each factor of OVERLOAD_FACTORS, and one
#         "OVERLOAD" line per step prints goodput (operations that succeeded within DUR + hold + 1 s,
#         per second offered), the node's 503s and retransmissions. Goal: goodput >= 90 % of capacity
#         at 1.25x and 1.5x. A given capacity is first offered DUR seconds unmeasured (JIT warm-up).
#
# Usage:  bench/run.sh                                  # everything, default rate ladders
#         MODES=reg NODES=1 KAMAILIO=0 DUR=5 RATES=200 bench/run.sh   # a short smoke run
#
# Knobs (environment):
#   MODES       "reg call"          what to measure
#   NODES       "1 2"               GridPBX cluster sizes to measure (empty: none)
#   KAMAILIO    1                   0 skips the Kamailio reference
#   DUR         25                  seconds of offered load per measurement (the anchor used 25)
#   RATES       (unset)             one rate ladder for every mode; else REG_RATES / CALL_RATES
#   REG_RATES   "500 1000 2000 3000 4000 6000 8000 10000 12000 15000 20000"
#   CALL_RATES  "100 250 500 1000 1500 2000 2500 3000 4000 5000"
#   RETRY       1                   a failing rate is run again this many times before the ladder stops
#   STOP_ON_FAIL 1                  0: climb the whole ladder even after a failure
#   PAUSE_MS    1000                call hold time between ACK and BYE
#   WARM_REG_RATE 1000              rate of the unmeasured registration of all users before each mode
#   WARM_CALL_RATE 200, WARM_CALL_SECS 10   unmeasured calls before the call ladder (JIT warm-up; 0 = none)
#   IDLE_SECS   5                   server CPU is sampled this long without traffic after each warm-up
#   SIPP_EXTRA  ""                  more options for the SIPp UACs, e.g. "-trace_msg" when debugging
#   REG_CAPACITY, CALL_CAPACITY (unset)   the capacity the overload modes start from (else climbed)
#   OVERLOAD_FACTORS "1.0 1.25 1.5"  offered load of the overload modes, as multiples of the capacity
#   GRIDPBX_JVM_OPTS "-Xms1g -Xmx2g"  passed to ./gridpbx run
#   NODE_ARGS   ""                  more node properties, e.g. "--gridpbx.sip.shed-delay-ms=0" (no shedding)
#   KAMAILIO_CHILDREN 4, KAMAILIO_SHM 1024, KAMAILIO_PKG 8, KPORT 35070   (the anchor's settings)
#   ANCHOR      ../shared/anchors/kamailio (kamailio.cfg is read from there, never changed)
#   WORK        /tmp/gridpbx-bench  (users, node data, results/<stamp>/ with raw SIPp output)
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SC="$HERE/scenarios"
ANCHOR=${ANCHOR:-$(cd "$ROOT/../shared/anchors/kamailio" 2>/dev/null && pwd)}

MODES=${MODES:-"reg call"}
NODES=${NODES-"1 2"}
KAMAILIO=${KAMAILIO:-1}
DUR=${DUR:-25}
REG_RATES=${RATES:-${REG_RATES:-"500 1000 2000 3000 4000 6000 8000 10000 12000 15000 20000"}}
CALL_RATES=${RATES:-${CALL_RATES:-"100 250 500 1000 1500 2000 2500 3000 4000 5000"}}
RETRY=${RETRY:-1}
STOP_ON_FAIL=${STOP_ON_FAIL:-1}
PAUSE_MS=${PAUSE_MS:-1000}
WARM_REG_RATE=${WARM_REG_RATE:-1000}
WARM_CALL_RATE=${WARM_CALL_RATE:-200}
WARM_CALL_SECS=${WARM_CALL_SECS:-10}
IDLE_SECS=${IDLE_SECS:-5}
SIPP_EXTRA=${SIPP_EXTRA:-}     # more options for every SIPp UAC, e.g. -trace_msg (debugging)
REG_CAPACITY=${REG_CAPACITY:-}
CALL_CAPACITY=${CALL_CAPACITY:-}
OVERLOAD_FACTORS=${OVERLOAD_FACTORS:-"1.0 1.25 1.5"}
JVM_OPTS=${GRIDPBX_JVM_OPTS:-"-Xms1g -Xmx2g"}
NODE_ARGS=${NODE_ARGS:-}
KAMAILIO_CHILDREN=${KAMAILIO_CHILDREN:-4}
KAMAILIO_SHM=${KAMAILIO_SHM:-1024}
KAMAILIO_PKG=${KAMAILIO_PKG:-8}

USERS=10000
FIRST_EXT=100000
TOKEN=${TOKEN:-bench-$$-$RANDOM$RANDOM}
RESELLER=bench.gridpbx.test
DOMAIN=load.bench.gridpbx.test
# Ports (kept apart from the other engineers' tests on this machine): SIP 35060/35061, HTTP
# 38080/38081, Hazelcast 35701/35702, Kamailio 35070, SIPp 36000 and up.
KPORT=${KPORT:-35070}
UAS_PORT=36010

STAMP=$(date +%Y%m%d-%H%M%S)
WORK=${WORK:-/tmp/gridpbx-bench}
OUT=${OUT:-$WORK/results/$STAMP}
DATA=$WORK/users
mkdir -p "$OUT" "$DATA"

# ---------------------------------------------------------------------------------------------
# processes we start: stopped by PID (with their children, e.g. timeout -> sipp) on any exit
NODE_PIDS=()
KPID=""
UASPID=""
LOAD_PIDS=()

descendants() {  # prints the PIDs of all descendants of $1
  local c
  for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done
}
kill_tree() {    # kill_tree PID [signal]: the process and its descendants, by PID
  local p=$1 sig=${2:-TERM} d
  [ -n "$p" ] || return 0
  d=$(descendants "$p")
  kill -"$sig" "$p" $d 2>/dev/null
}
stop_nodes() {
  local p i
  for p in "${NODE_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${NODE_PIDS[@]}"; do
    for i in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.3; done
    kill -0 "$p" 2>/dev/null && { echo "# node pid $p did not stop in 30 s: SIGKILL"; kill -KILL "$p" 2>/dev/null; }
    wait "$p" 2>/dev/null
  done
  NODE_PIDS=()
}
stop_kam() {
  [ -n "$KPID" ] || return 0
  kill -TERM "$KPID" 2>/dev/null; wait "$KPID" 2>/dev/null; KPID=""
}
stop_uas() {
  [ -n "$UASPID" ] || return 0
  kill_tree "$UASPID"; wait "$UASPID" 2>/dev/null; UASPID=""
}
cleanup() {
  local p
  for p in "${LOAD_PIDS[@]}"; do kill_tree "$p"; done
  stop_uas; stop_kam; stop_nodes
}
trap cleanup EXIT
trap 'echo "# interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# tools
apt_install() {  # apt_install PACKAGE: only as root, only through apt-get
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "# installing $1 (apt-get install -y $1) ..."
  apt-get install -y "$1" > "$OUT/apt-$1.log" 2>&1 \
    || { apt-get update >> "$OUT/apt-$1.log" 2>&1 && apt-get install -y "$1" >> "$OUT/apt-$1.log" 2>&1; }
}
command -v sipp >/dev/null || apt_install sip-tester
command -v sipp >/dev/null || { echo "FATAL: sipp is missing (Debian package sip-tester)"; exit 1; }
command -v curl >/dev/null || { echo "FATAL: curl is missing"; exit 1; }
if [ "$KAMAILIO" = 1 ]; then
  if ! command -v kamailio >/dev/null; then apt_install kamailio; fi
  if ! command -v kamailio >/dev/null; then
    echo "KAMAILIO MISSING: install it with 'apt-get install -y kamailio' (as root). The reference half of the bench is skipped."
    KAMAILIO=0
  elif [ ! -r "$ANCHOR/kamailio.cfg" ]; then
    echo "KAMAILIO ANCHOR MISSING: $ANCHOR/kamailio.cfg not found (set ANCHOR=). The reference half of the bench is skipped."
    KAMAILIO=0
  fi
fi

# ---------------------------------------------------------------------------------------------
# users: one injection file for both servers (the domain is a SIPp -key), and the anchor's htable
gen_users() {
  [ -s "$DATA/users.csv" ] && [ -s "$DATA/dbtext/htable" ] && return 0
  mkdir -p "$DATA/dbtext"
  # field0 user; field1 password; field2 the whole [authentication] keyword; field3 the callee
  # (the user USERS/2 further on, so callers of the first half call the second half and back)
  awk -v n=$USERS -v f=$FIRST_EXT 'BEGIN {
      print "SEQUENTIAL" > "users.csv"; print "SEQUENTIAL" > "users-a.csv"; print "SEQUENTIAL" > "users-b.csv"
      for (i = 0; i < n; i++) {
        u = f + i; c = f + (i + n/2) % n
        line = sprintf("%d;pw%d;[authentication username=%d password=pw%d];%d", u, u, u, u, c)
        print line > "users.csv"; print line > (i < n/2 ? "users-a.csv" : "users-b.csv")
      }
      print "id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int) " > "dbtext/htable"
      for (i = 0; i < n; i++) printf "%d:%d:0:0:pw%d:0\n", i + 1, f + i, f + i > "dbtext/htable"
      printf "id(int,auto) table_name(string) table_version(int) \n0:subscriber:7\n0:htable:2\n" > "dbtext/version"
      print "id(int,auto) username(string) domain(string) password(string) " > "dbtext/subscriber"
    }' 2>/dev/null
}
(cd "$DATA" && gen_users)

# ---------------------------------------------------------------------------------------------
# CPU accounting
CLK_TCK=$(getconf CLK_TCK)
# Kamailio: sum of /proc/<pid>/schedstat (ns on CPU) over the main process and its children, as the
# anchor does (each Kamailio process is single-threaded).
schedstat_ms() {
  local p
  for p in "$@"; do [ -r "/proc/$p/schedstat" ] && cat "/proc/$p/schedstat"; done | awk '{t += $1} END {printf "%.0f\n", t/1e6}'
}
# A JVM is one process with many threads: /proc/<pid>/schedstat is its main thread only, and the
# per-thread /proc/<pid>/task/*/schedstat loses threads that exit. utime+stime of /proc/<pid>/stat
# covers the whole thread group, exited threads included (the same sum_exec_runtime, in ticks).
stat_ms() {
  local p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && sed 's/^.*) //' "/proc/$p/stat"; done |
    awk -v hz="$CLK_TCK" '{t += $12 + $13} END {printf "%.0f\n", t*1000/hz}'
}
server_ms() {
  if [ "$SETUP" = kamailio ]; then
    [ -n "$KPID" ] && schedstat_ms "$KPID" $(ps -o pid= --ppid "$KPID") || echo 0
  else
    stat_ms "${NODE_PIDS[@]}"
  fi
}
host_ns() { cat /sys/fs/cgroup/cpuacct/cpuacct.usage 2>/dev/null || echo 0; }   # all tasks, ns (root cgroup)

trim_logs() {   # SIPp -trace_err logs grow to 100+ MB on overload; keep the first 1 MB
  local f
  for f in $(find "$1" -name '*_errors.log' -size +1M); do
    head -c 1000000 "$f" > "$f.tmp" && echo "[truncated to 1 MB by run.sh]" >> "$f.tmp" && mv "$f.tmp" "$f"
  done
}

# ---------------------------------------------------------------------------------------------
# load: TARGETS holds one "host:port localport users.csv" per SIPp UAC (one per GridPBX node); the
# offered rate and the number of calls are split evenly between them.
TARGETS=()
DOMAIN_KEY=""
SETUP=""
declare -A BEST BEST_COST BEST_NET TOP_RATE
RESULTS=()

RAMP_TO=""   # set by warm-ups only
IDLE_PCT=0   # server CPU with no load (% of one core), measured after each warm-up

# measure_idle: the server's own background CPU (timers, grid heartbeats, GC, write-behind) over
# IDLE_SECS with no traffic; RESULT lines also give the CPU per operation with this part removed.
measure_idle() {
  local a b
  a=$(server_ms); sleep "$IDLE_SECS"; b=$(server_ms)
  IDLE_PCT=$(awk -v a="$a" -v b="$b" -v w="$IDLE_SECS" 'BEGIN {printf "%.1f", (b-a)/1000/w*100}')
  echo "# $SETUP: idle server CPU ${IDLE_PCT}% of one core (over ${IDLE_SECS} s without traffic)"
}
# run_load LABEL RATE CALLS HOLD_MS SCENARIO [sipp args...] -> prints a RESULT line; returns 0 on PASS
run_load() {
  local label=$1 rate=$2 calls=$3 hold=$4 sf=$5; shift 5
  local dir="$OUT/$SETUP/$label"; mkdir -p "$dir"
  local n=${#TARGETS[@]} i t host lport csv
  local per_rate per_calls per_limit ramp=() behave=()
  # REGISTER scenarios: a server that answers a retransmitted REGISTER with a fresh 401 (GridPBX does:
  # a new nonce each time) makes SIPp abort the registration when the extra 401 arrives after the
  # authenticated REGISTER went out, where a phone's transaction layer would absorb it (RFC 3261
  # section 17.1.2.2). So SIPp ignores unexpected messages here (they are counted as "unexpected")
  # and sends no BYE for an aborted registration; a registration that gets no 200 still fails (after
  # -recv_timeout), and the retransmissions that cause the duplicates still count against PASS.
  [[ $sf == reg_* ]] && behave=(-default_behaviors all,-bye,-abortunexp)
  OVL_BEFORE=$(overload_counters)
  per_rate=$(awk -v r="$rate" -v n="$n" 'BEGIN {printf "%g", r/n}')
  if [ -n "$RAMP_TO" ]; then   # warm-ups: start at RATE and climb to RAMP_TO in 5 steps of one second
    ramp=(-rate_increase "$(awk -v a="$rate" -v b="$RAMP_TO" -v n="$n" 'BEGIN {printf "%g", (b-a)/n/5}')"
          -rate_max "$(awk -v b="$RAMP_TO" -v n="$n" 'BEGIN {printf "%g", b/n}')" -no_rate_quit)
  fi
  per_calls=$(( (calls + n - 1) / n ))
  per_limit=$(awk -v r="$rate" -v n="$n" -v h="$hold" 'BEGIN {printf "%d", (r/n) * (h/1000 + 2) * 2 + 200}')
  local load s0 s1 h0 h1 u0=0 u1=0 t0 t1
  local tdisp=$rate
  [ -n "$RAMP_TO" ] && tdisp="$rate..$RAMP_TO"
  load=$(cut -d' ' -f1 /proc/loadavg)
  s0=$(server_ms); h0=$(host_ns); [ -n "$UASPID" ] && u0=$(stat_ms $(descendants "$UASPID"))
  t0=$(date +%s.%N)
  LOAD_PIDS=()
  for i in $(seq 0 $((n - 1))); do
    read -r host lport csv <<< "${TARGETS[$i]}"
    mkdir -p "$dir/uac$i"
    ( cd "$dir/uac$i" && exec /usr/bin/time -f "%e %U %S" -o "$dir/uac$i/sipp.time" \
        timeout -k 5 $((DUR + 90)) sipp "$host" -i 127.0.0.1 -p "$lport" -r "$per_rate" -rp 1000 -m "$per_calls" \
        -l "$per_limit" -recv_timeout 10000 -buff_size 4194304 -timeout $((DUR + 40))s \
        -trace_stat -stf "$dir/uac$i/stat.csv" -fd 1 -trace_err -trace_screen \
        -sf "$SC/$sf" -inf "$csv" -key domain "$DOMAIN_KEY" -key contact "127.0.0.1:$UAS_PORT" "${ramp[@]}" "${behave[@]}" $SIPP_EXTRA "$@" \
        < /dev/null > "$dir/uac$i/sipp.out" 2>&1 ) &
    LOAD_PIDS+=($!)
  done
  local rc=0 r
  for i in "${!LOAD_PIDS[@]}"; do wait "${LOAD_PIDS[$i]}"; r=$?; [ $r -gt $rc ] && rc=$r; done
  LOAD_PIDS=()
  t1=$(date +%s.%N)
  s1=$(server_ms); h1=$(host_ns); [ -n "$UASPID" ] && u1=$(stat_ms $(descendants "$UASPID"))
  local unexp
  unexp=$(cat "$dir"/uac*/*_errors.log 2>/dev/null | grep -c "call on unexpected message")
  trim_logs "$dir"
  local uac_ms
  uac_ms=$(cat "$dir"/uac*/sipp.time 2>/dev/null | awk 'NF == 3 {t += ($2 + $3) * 1000} END {printf "%.0f", t}')
  # The last line of each stat.csv holds the cumulative counters; columns are found by name.
  local line
  line=$(for i in $(seq 0 $((n - 1))); do
           f="$dir/uac$i/stat.csv"; [ -s "$f" ] && { head -1 "$f"; tail -1 "$f"; } || echo "missing"
         done | awk -F';' -v label="$label" -v setup="$SETUP" -v rate="$rate" -v calls="$calls" -v rc="$rc" \
           -v t0="$t0" -v t1="$t1" -v hold="$hold" -v dur="$DUR" -v s0="$s0" -v s1="$s1" -v h0="$h0" -v h1="$h1" \
           -v u0="$u0" -v u1="$u1" -v uac="$uac_ms" -v load1="$load" -v unexp="$unexp" -v tdisp="$tdisp" -v idle="$IDLE_PCT" '
      $0 == "missing" { missing++; next }
      /^StartTime/ { for (k = 1; k <= NF; k++) col[$k] = k; rtcol = 0
                     for (k = 1; k <= NF; k++) if ($k ~ /^ResponseTime.*\(C\)$/) { rtcol = k; break }
                     next }
      { total += $col["TotalCallCreated"]; ok += $col["SuccessfulCall(C)"]; failed += $col["FailedCall(C)"]
        retr += $col["Retransmissions(C)"]; ooc += $col["OutOfCallMsgs(C)"]
        if (rtcol) { split($rtcol, t, ":"); rtsum += ((t[1]*3600 + t[2]*60 + t[3])*1000 + t[4]/1000) * $col["SuccessfulCall(C)"] } }
      END {
        wall = t1 - t0
        offered = calls / rate                              # seconds the offered load should take
        lag = wall - hold/1000 - offered                    # how late the last call ended
        achieved = total / (wall - hold/1000)
        rt = ok ? rtsum / ok : 0
        scpu = (s1 - s0) / 1000 / wall * 100                # % of one core
        host = (h1 - h0) / 1e7 / wall
        sipp = (uac + u1 - u0) / 1000 / wall * 100
        other = host - scpu - sipp
        per_op = ok ? (s1 - s0) * 1000 / ok : 0             # server CPU microseconds per successful op
        net = ok ? ((s1 - s0) - idle / 100 * wall * 1000) * 1000 / ok : 0   # the same without the idle CPU
        # PASS: every call succeeded, the offered rate was kept (the last call ended at most
        # max(1.5 s, 5 % of DUR) late; SIPp slows down quietly when it cannot keep up), and
        # retransmissions stay under 0.1 % of the calls (the anchor criterion).
        slack = (0.05 * dur > 1.5) ? 0.05 * dur : 1.5
        pass = (rc == 0 && !missing && failed == 0 && total == calls && ok == total && lag <= slack && retr <= 0.001 * total) ? "PASS" : "FAIL"
        printf "RESULT %-15s %-20s target=%s/s calls=%d ok=%d failed=%d retrans=%d unexpected=%d outofcall=%d rt_avg=%.0fms achieved=%.0f/s lag=%.1fs wall=%.1fs sipp_rc=%s server_cpu=%.0f%% server_cpu_per_op=%.0fus net_of_idle=%.0fus sipp_cpu=%.0f%% host_cpu=%.0f%% other_procs_cpu=%.0f%% load1=%s %s\n",
          setup, label, tdisp, total, ok, failed, retr, unexp, ooc, rt, achieved, lag, wall, rc, scpu, per_op, net, sipp, host, other, load1, pass }')
  echo "$line"
  RESULTS+=("$line")
  [[ $line == *" PASS" ]]
}

# climb MODE SCENARIO HOLD RATES... : rising rates; a failing rate is retried RETRY times, then the
# ladder stops (STOP_ON_FAIL=1). Records the best passing rate and its CPU per operation.
climb() {
  local mode=$1 sf=$2 hold=$3; shift 3
  local r try ok line extra=()
  [ "$hold" -gt 0 ] && extra=(-d "$hold")
  for r in "$@"; do
    TOP_RATE[$SETUP.$mode]=$r
    ok=1
    for try in $(seq 0 "$RETRY"); do
      if run_load "$mode-r$r$([ "$try" -gt 0 ] && echo "-retry$try")" "$r" $((r * DUR)) "$hold" "$sf" "${extra[@]}"; then
        ok=0; break
      fi
      sleep 3
    done
    if [ $ok = 0 ]; then
      BEST[$SETUP.$mode]=$r
      BEST_COST[$SETUP.$mode]=$(echo "${RESULTS[-1]}" | grep -o 'server_cpu_per_op=[0-9-]*' | cut -d= -f2)
      BEST_NET[$SETUP.$mode]=$(echo "${RESULTS[-1]}" | grep -o 'net_of_idle=[0-9-]*' | cut -d= -f2)
    elif [ "$STOP_ON_FAIL" = 1 ]; then
      break
    fi
    sleep 2
  done
}

# The node's overload counters (503s shed, requests dropped unparsed, 503s for a late grid), summed
# over the nodes: "shed stale grid". Kamailio has none.
overload_counters() {
  [ "$SETUP" = kamailio ] && { echo "0 0 0"; return; }
  local i
  for i in $(seq ${#NODE_PIDS[@]}); do status_of "$i"; echo; done | awk '
    { if (match($0, /"shed":[0-9]+/)) a += substr($0, RSTART + 7, RLENGTH - 7)
      if (match($0, /"staleDrops":[0-9]+/)) b += substr($0, RSTART + 13, RLENGTH - 13)
      if (match($0, /"gridTimeouts":[0-9]+/)) c += substr($0, RSTART + 15, RLENGTH - 15) }
    END { printf "%d %d %d\n", a, b, c }'
}

# overload MODE SCENARIO HOLD: offers CAPACITY x each OVERLOAD_FACTOR for DUR seconds and prints one
# OVERLOAD line per step. Goodput = successful operations / (wall - hold time), as "achieved".
overload() {
  local mode=$1 sf=$2 hold=$3 cap f rate line ok retr wall good pct after extra=()
  [ "$hold" -gt 0 ] && extra=(-d "$hold")
  case $mode in reg) cap=$REG_CAPACITY; local ladder=$REG_RATES ;; call) cap=$CALL_CAPACITY; local ladder=$CALL_RATES ;; esac
  if [ -z "$cap" ]; then
    echo "# $SETUP: finding the $mode capacity (the highest passing rate of the ladder)"
    # shellcheck disable=SC2086
    climb "$mode" "$sf" "$hold" $ladder
    cap=${BEST[$SETUP.$mode]:-}
    [ -n "$cap" ] || { echo "# $SETUP: no $mode rate passed; no overload steps"; return; }
  else
    # A given capacity: first DUR seconds at it, unmeasured, so that the JIT has compiled the hot path.
    warm_up "$mode-overload-warmup" "$cap" $((cap * DUR)) "$hold" "$sf" "${extra[@]}" > /dev/null
  fi
  echo "# $SETUP: $mode capacity ${cap}/s; offering ${OVERLOAD_FACTORS// /x, }x of it for ${DUR} s each"
  for f in $OVERLOAD_FACTORS; do
    rate=$(awk -v c="$cap" -v f="$f" 'BEGIN {printf "%d", c * f}')
    run_load "$mode-overload-x$f" "$rate" $((rate * DUR)) "$hold" "$sf" "${extra[@]}" > /dev/null
    line=${RESULTS[-1]}
    echo "$line"
    after=$(overload_counters)
    ok=$(echo "$line" | grep -o ' ok=[0-9]*' | cut -d= -f2)
    retr=$(echo "$line" | grep -o 'retrans=[0-9]*' | cut -d= -f2)
    wall=$(echo "$line" | grep -o 'wall=[0-9.]*' | cut -d= -f2)
    read -r s0 d0 g0 <<< "$OVL_BEFORE"; read -r s1 d1 g1 <<< "$after"
    # Goodput: operations that succeeded within DUR + hold + 1 s of the start (SIPp's per-second
    # stat rows), per second of offered load. A request the node dropped fails only after SIPp's
    # -recv_timeout (10 s); dividing by the whole wall time would count that wait as lost capacity.
    good=$(for st in "$OUT/$SETUP/$mode-overload-x$f"/uac*/stat.csv; do
             awk -F';' -v win="$(awk -v d="$DUR" -v h="$hold" 'BEGIN {print d + h / 1000 + 1}')" '
               NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k; next }
               { split($col["CurrentTime"], t, "\t"); if (!t0) t0 = t[3]; if (t[3] - t0 <= win) okw = $col["SuccessfulCall(C)"] }
               END { print okw + 0 }' "$st"
           done | awk -v d="$DUR" '{ s += $1 } END { printf "%.0f", s / d }')
    awk -v setup="$SETUP" -v mode="$mode" -v f="$f" -v rate="$rate" -v cap="$cap" -v ok="$ok" -v good="$good" \
        -v hold="$hold" -v retr="$retr" -v shed=$((s1 - s0)) -v stale=$((d1 - d0)) -v grid=$((g1 - g0)) -v line="$line" 'BEGIN {
      pct = 100 * good / cap
      match(line, /failed=[0-9]+/); failed = substr(line, RSTART + 7, RLENGTH - 7)
      match(line, /server_cpu=[0-9]+%/); cpu = substr(line, RSTART, RLENGTH)
      printf "OVERLOAD %-15s %-4s x%-4s offered=%d/s goodput=%.0f/s (%.0f%% of capacity %d/s) ok=%d failed=%d shed_503=%d stale_drops=%d grid_503=%d retrans=%d %s %s\n",
        setup, mode, f, rate, good, pct, cap, ok, failed, shed, stale, grid, retr, cpu, (pct >= 90 ? "GOAL-MET" : "BELOW-90%") }'
    sleep 3
  done
}

# warm_up LABEL RATE CALLS HOLD SCENARIO [sipp args]: not a measurement (its RESULT line is labelled
# *warmup/registration and stays out of the summary). The rate climbs from RATE/5 to RATE in 5 s so
# that a cold JVM is not flooded while it compiles.
warm_up() {
  local label=$1 rate=$2; shift 2
  RAMP_TO=$rate
  run_load "$label" "$(awk -v r="$rate" 'BEGIN {printf "%g", r/5}')" "$@"
  local rc=$?
  RAMP_TO=""
  [ $rc = 0 ] || echo "# $SETUP: $label had failures (see $OUT/$SETUP/$label); it is not a measurement"
  return 0
}
# every user once, with Contact = the SIPp UAS (so that calls find them there)
register_all() { warm_up "$1" "$WARM_REG_RATE" "$USERS" 0 "$2"; }
registered_count() { status_of 1 | grep -o '"registeredAddresses":[0-9]*' | cut -d: -f2 | grep . || echo 0; }
registered_check() {   # GridPBX only: how many addresses of record the grid holds
  [ "$SETUP" = kamailio ] && return 0
  local c
  c=$(status_of 1 | grep -o '"registeredAddresses":[0-9]*' | cut -d: -f2)
  echo "# $SETUP: the grid holds ${c:-?} registered addresses of record (of $USERS users)"
}

start_uas() {
  mkdir -p "$OUT/$SETUP/uas-$1"
  ( cd "$OUT/$SETUP/uas-$1" && exec timeout -k 5 $((DUR * 40 + 600)) sipp -sf "$SC/uas_call.xml" -i 127.0.0.1 -p $UAS_PORT \
      -buff_size 4194304 -recv_timeout 10000 -trace_err < /dev/null > sipp_uas.out 2>&1 ) &
  UASPID=$!
  sleep 1
}

measure_modes() {   # runs MODES against the current set-up; $1 = reg scenario of the call mode's callee registration
  local m callee_reg=$1 call_sf=$2
  for m in $MODES; do
    case $m in
      reg)
        if [ "$SETUP" = kamailio ]; then restart_kam reg || continue; fi
        register_all reg-warmup reg_auth.xml
        registered_check
        measure_idle
        # shellcheck disable=SC2086
        climb reg reg_auth.xml 0 $REG_RATES ;;
      reg-overload)
        if [ "$SETUP" = kamailio ]; then restart_kam reg || continue; fi
        register_all reg-warmup reg_auth.xml
        measure_idle
        overload reg reg_auth.xml 0 ;;
      call|call-overload)
        if [ "$SETUP" = kamailio ]; then restart_kam call || continue; fi
        start_uas "$SETUP"
        register_all callee-registration "$callee_reg"
        # A cold node may shed part of it (503 + Retry-After, as a phone would be told): register
        # everyone once more, or calls to the missing callees would fail every step.
        if [ "$SETUP" != kamailio ] && [ "$(registered_count)" -lt "$USERS" ]; then
          register_all callee-registration-again "$callee_reg"
        fi
        registered_check
        if [ "$WARM_CALL_SECS" -gt 0 ]; then
          warm_up call-warmup "$WARM_CALL_RATE" $((WARM_CALL_RATE * WARM_CALL_SECS)) "$PAUSE_MS" "$call_sf" -d "$PAUSE_MS"
        fi
        measure_idle
        if [ "$m" = call ]; then
          # shellcheck disable=SC2086
          climb call "$call_sf" "$PAUSE_MS" $CALL_RATES
        else
          overload call "$call_sf" "$PAUSE_MS"
        fi
        stop_uas ;;
      *) echo "# unknown mode $m (reg, call, reg-overload, call-overload)" ;;
    esac
  done
}

# ---------------------------------------------------------------------------------------------
# Kamailio: the anchor's kamailio.cfg, auth_ht variant (-A WITH_AUTH_HT) for reg and the default
# (usrloc lookup) variant for call. The copy in $OUT differs only in the listen port (KPORT).
start_kam() {   # $1 = label, rest = extra kamailio args
  local label=$1; shift
  sed "s/127\.0\.0\.1:5070/127.0.0.1:$KPORT/g" "$ANCHOR/kamailio.cfg" > "$OUT/kamailio.cfg"
  kamailio -f "$OUT/kamailio.cfg" -m "$KAMAILIO_SHM" -M "$KAMAILIO_PKG" -n "$KAMAILIO_CHILDREN" -DD -E \
      -A "DBURL=\"text://$DATA/dbtext\"" "$@" > "$OUT/kamailio/kamailio-$label.log" 2>&1 &
  KPID=$!
  local i
  for i in $(seq 50); do
    ss -Hulnp 2>/dev/null | grep -q "127.0.0.1:$KPORT .*pid=$KPID," && break
    sleep 0.2
  done
  sleep 1
  if ! kill -0 "$KPID" 2>/dev/null; then
    echo "# kamailio failed to start, see $OUT/kamailio/kamailio-$label.log"; KPID=""; return 1
  fi
  echo "# kamailio pid $KPID ($label): -m $KAMAILIO_SHM -M $KAMAILIO_PKG -n $KAMAILIO_CHILDREN -DD -E $* on udp:127.0.0.1:$KPORT"
}
restart_kam() {
  stop_kam
  case $1 in
    reg)  start_kam auth_ht -A WITH_AUTH_HT ;;
    call) start_kam call_lookup ;;
  esac
}
bench_kamailio() {
  SETUP=kamailio
  mkdir -p "$OUT/kamailio"
  TARGETS=("127.0.0.1:$KPORT 36000 $DATA/users.csv")
  DOMAIN_KEY=127.0.0.1
  measure_modes reg_noauth.xml uac_call.xml
  stop_kam
}

# ---------------------------------------------------------------------------------------------
# GridPBX
JAR="$ROOT/grid-node/target/gridpbx-grid-node-0.1.0-SNAPSHOT-exec.jar"
ensure_built() {
  # The launcher rebuilds inside "run" when any *.java/pom.xml/*.properties/*.xml (bench/scenarios
  # included) is newer than the jar; build once here so that two nodes do not both start Maven.
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT" -path "$ROOT/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' \
        -o -name '*.properties' -o -name '*.xml' \) -newer "$JAR" -print -quit)" ]; then
    echo "# building GridPBX (./gridpbx build) ..."
    "$ROOT/gridpbx" build > "$OUT/build.log" 2>&1 || { echo "FATAL: ./gridpbx build failed, see $OUT/build.log"; exit 1; }
  fi
}
port_busy() { ss -Hlnu "sport = :$1" 2>/dev/null | grep -q . || ss -Hlnt "sport = :$1" 2>/dev/null | grep -q .; }
status_of() { curl -s --max-time 2 "http://127.0.0.1:$((38079 + $1))/api/v1/node/status"; }
start_nodes() {   # $1 = number of nodes (1 or 2)
  local n=$1 i members="" host
  for i in $(seq "$n"); do members="$members${members:+,}127.0.0.$i:$((35700 + i))"; done
  for i in $(seq "$n"); do
    for p in $((35059 + i)) $((38079 + i)) $((35700 + i)); do
      port_busy "$p" && { echo "FATAL: port $p is already in use"; exit 1; }
    done
  done
  for i in $(seq "$n"); do
    host=127.0.0.$i
    rm -rf "$OUT/$SETUP/node$i-data"; mkdir -p "$OUT/$SETUP"
    GRIDPBX_JVM_OPTS="$JVM_OPTS" "$ROOT/gridpbx" run --gridpbx.sip.host=$host --gridpbx.sip.port=$((35059 + i)) --gridpbx.sip.tls-port=0 \
        --server.port=$((38079 + i)) --gridpbx.cluster.port=$((35700 + i)) --gridpbx.cluster.members="$members" \
        --gridpbx.api.operator-token="$TOKEN" --gridpbx.demo=false --gridpbx.data-dir="$OUT/$SETUP/node$i-data" $NODE_ARGS \
        > "$OUT/$SETUP/node$i.log" 2>&1 &
    NODE_PIDS+=($!)
    # start one after the other: the first member creates the platform on the empty cluster
    local t0=$SECONDS st
    while :; do
      st=$(status_of "$i")
      [ -n "$st" ] && [ "$(echo "$st" | grep -o '"clusterSize":[0-9]*' | cut -d: -f2)" = "$i" ] && break
      kill -0 "${NODE_PIDS[-1]}" 2>/dev/null || { echo "FATAL: node $i exited, see $OUT/$SETUP/node$i.log"; exit 1; }
      [ $((SECONDS - t0)) -gt 240 ] && { echo "FATAL: node $i not up in 240 s, see $OUT/$SETUP/node$i.log"; exit 1; }
      sleep 1
    done
    echo "# node $i pid ${NODE_PIDS[-1]} up in $((SECONDS - t0)) s: sip udp:$host:$((35059 + i)) http :$((38079 + i)) cluster $members"
  done
}
api() {   # api PATH JSON -> prints "HTTP_CODE BODY"
  curl -s --max-time 300 -o "$OUT/$SETUP/api.body" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
       -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:38080/api/v1/provisioning/$1"
  echo " $(cat "$OUT/$SETUP/api.body")"
}
provision() {
  local r t0
  r=$(api resellers "{\"realm\":\"$RESELLER\",\"name\":\"Bench\"}")
  echo "# POST resellers: $r"
  [[ $r == 201* ]] || { echo "FATAL: could not create the reseller $RESELLER (is there a platform?)"; exit 1; }
  r=$(api clients "{\"domain\":\"$DOMAIN\",\"name\":\"Load\",\"resellerRealm\":\"$RESELLER\"}")
  echo "# POST clients: $r"
  [[ $r == 201* ]] || { echo "FATAL: could not create the client $DOMAIN"; exit 1; }
  t0=$(date +%s.%N)
  r=$(api user-ranges "{\"domain\":\"$DOMAIN\",\"firstExtension\":$FIRST_EXT,\"count\":$USERS,\"passwordPrefix\":\"pw\"}")
  echo "# POST user-ranges ($USERS users): $r in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b-a}') s"
  [[ $r == 201* ]] || { echo "FATAL: could not create the users"; exit 1; }
}
bench_gridpbx() {   # $1 = number of nodes
  local n=$1 i
  SETUP="gridpbx-${n}node"
  mkdir -p "$OUT/$SETUP"
  start_nodes "$n"
  provision
  TARGETS=()
  if [ "$n" = 1 ]; then
    TARGETS=("127.0.0.1:35060 36000 $DATA/users.csv")
  else
    TARGETS=("127.0.0.1:35060 36000 $DATA/users-a.csv" "127.0.0.2:35061 36001 $DATA/users-b.csv")
  fi
  DOMAIN_KEY=$DOMAIN
  measure_modes reg_auth.xml uac_call_auth.xml
  for i in $(seq "$n"); do echo "# node $i status: $(status_of "$i")"; done
  stop_nodes
}

# ---------------------------------------------------------------------------------------------
exec > >(tee "$OUT/summary.txt") 2>&1
echo "# $(date -Is) host: $(nproc) cpus, $(uname -r); $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1);" \
     "$(command -v kamailio >/dev/null && kamailio -v 2>/dev/null | head -1 | sed 's/^version: //')"
echo "# MODES=\"$MODES\" NODES=\"$NODES\" KAMAILIO=$KAMAILIO DUR=${DUR}s REG_RATES=\"$REG_RATES\" CALL_RATES=\"$CALL_RATES\"" \
     "RETRY=$RETRY STOP_ON_FAIL=$STOP_ON_FAIL PAUSE_MS=$PAUSE_MS GRIDPBX_JVM_OPTS=\"$JVM_OPTS\" NODE_ARGS=\"$NODE_ARGS\" raw output: $OUT"
[ -n "$NODES" ] && ensure_built
SETUPS=()
[ "$KAMAILIO" = 1 ] && { SETUPS+=(kamailio); bench_kamailio; }
for n in $NODES; do
  case $n in 1|2) SETUPS+=("gridpbx-${n}node"); bench_gridpbx "$n" ;; *) echo "# NODES: only 1 and 2 are supported, not $n" ;; esac
done

# ---------------------------------------------------------------------------------------------
echo
echo "SUMMARY highest rate that PASSED (zero failed calls, rate kept, retransmissions <= 0.1 %), and at that rate"
echo "        the CPU of all server processes per operation (us per registration / per call), gross and net of idle CPU"
printf '%-5s %-15s %10s %12s %12s   %s\n' mode setup best_rate cpu_per_op net_of_idle note
for m in $MODES; do
  [[ $m == *-overload ]] && continue   # their OVERLOAD lines are their summary
  for s in "${SETUPS[@]}"; do
    b=${BEST[$s.$m]:-}
    note=""
    [ -n "$b" ] && [ "$b" = "${TOP_RATE[$s.$m]:-}" ] && note="the top of the ladder passed: the limit is higher"
    [ -z "$b" ] && note="no rate passed"
    printf '%-5s %-15s %10s %12s %12s   %s\n' "$m" "$s" "${b:+$b/s}" "${BEST_COST[$s.$m]:+${BEST_COST[$s.$m]}us}" \
        "${BEST_NET[$s.$m]:+${BEST_NET[$s.$m]}us}" "$note"
  done
done
if [ "$KAMAILIO" = 1 ] && [ -n "$NODES" ]; then
  echo
  echo "RATIOS GridPBX / Kamailio   rate: above 1 = GridPBX sustains more;  cpu: above 1 = GridPBX spends more CPU per operation"
  printf '%-5s %-15s %10s %12s %12s\n' mode setup rate_ratio cpu_ratio net_cpu_ratio
  for m in $MODES; do
    [[ $m == *-overload ]] && continue
    for s in "${SETUPS[@]}"; do
      [ "$s" = kamailio ] && continue
      awk -v m="$m" -v s="$s" -v gb="${BEST[$s.$m]:-0}" -v kb="${BEST[kamailio.$m]:-0}" \
          -v gc="${BEST_COST[$s.$m]:-0}" -v kc="${BEST_COST[kamailio.$m]:-0}" \
          -v gn="${BEST_NET[$s.$m]:-0}" -v kn="${BEST_NET[kamailio.$m]:-0}" 'BEGIN {
        rr = (gb > 0 && kb > 0) ? sprintf("%.2f", gb / kb) : "-"
        cr = (gc > 0 && kc > 0) ? sprintf("%.2f", gc / kc) : "-"
        nr = (gn > 0 && kn > 0) ? sprintf("%.2f", gn / kn) : "-"
        printf "%-5s %-15s %10s %12s %12s\n", m, s, rr, cr, nr }'
    done
  done
  echo "(where a set-up passed the top of its ladder, its rate is only a lower bound and so is any ratio built on it: extend REG_RATES / CALL_RATES)"
fi
echo "# raw output: $OUT"
