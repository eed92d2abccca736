#!/bin/bash
# Shell functions shared by the bench scripts (run.sh, profile.sh, heap.sh): process handling,
# users files, CPU accounting, the SIPp load driver (run_load) and GridPBX nodes (start_nodes,
# provision). Sourced, never run. The caller sets the knobs these functions read first:
#   ROOT SC OUT DATA DUR USERS FIRST_EXT TOKEN RESELLER DOMAIN UAS_PORT JVM_OPTS NODE_ARGS SIPP_EXTRA
#   IDLE_SECS WARM_REG_RATE (see run.sh's header for their meaning), and traps cleanup on EXIT.
# LAUNCH_JAR (set after sourcing, empty by default): start nodes as "java -jar LAUNCH_JAR" with the
# launcher's JVM flags instead of "ROOT/gridpbx run", which never builds (profile.sh, heap.sh).

# ---------------------------------------------------------------------------------------------
# processes we start: stopped by PID (with their children, e.g. timeout -> sipp) on any exit
NODE_PIDS=()
KPID=""
UASPID=""
LOAD_PIDS=()
WATCH_PIDS=()   # the presence mode's watchers (SIPp that stay subscribed across its two phases)

# load_priority: the calling (sub)shell, and the SIPp it execs, runs at the niceness SIPP_NICE (when
# set, e.g. -10), ahead of the server it loads: an overloaded server then cannot starve the load
# generator, and the figures measure the server, not SIPp.
load_priority() {
  [ -n "${SIPP_NICE:-}" ] && renice -n "$SIPP_NICE" -p "$BASHPID" > /dev/null
  return 0
}
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
  for p in "${LOAD_PIDS[@]}" "${WATCH_PIDS[@]}"; do kill_tree "$p"; done
  stop_uas; stop_kam; stop_nodes
}

# ---------------------------------------------------------------------------------------------
# tools
apt_install() {  # apt_install PACKAGE: only as root, only through apt-get
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "# installing $1 (apt-get install -y $1) ..."
  apt-get install -y "$1" > "$OUT/apt-$1.log" 2>&1 \
    || { apt-get update >> "$OUT/apt-$1.log" 2>&1 && apt-get install -y "$1" >> "$OUT/apt-$1.log" 2>&1; }
}
require_sipp_curl() {
  command -v sipp >/dev/null || apt_install sip-tester
  command -v sipp >/dev/null || { echo "FATAL: sipp is missing (Debian package sip-tester)"; exit 1; }
  command -v curl >/dev/null || { echo "FATAL: curl is missing"; exit 1; }
}

# ---------------------------------------------------------------------------------------------
# users: one injection file for both servers (the domain is a SIPp -key), and the anchor's htable
gen_users() {
  # Kept from an earlier run only if it holds the same users (count and first extension) and the trunk
  # files of the same dialled prefix.
  local tp=${TRUNK_PREFIX:-5145}
  [ -s "$DATA/users.csv" ] && [ -s "$DATA/dbtext/htable" ] && [ "$(wc -l < "$DATA/users.csv")" = $((USERS + 1)) ] \
    && [ "$(sed -n '2s/;.*//p' "$DATA/users.csv")" = "$FIRST_EXT" ] \
    && [ -s "$DATA/trunk.csv" ] && [ "$(sed -n '2s/.*;//p' "$DATA/trunk.csv")" = "$tp$FIRST_EXT" ] && return 0
  mkdir -p "$DATA/dbtext"
  # field0 user; field1 password; field2 the whole [authentication] keyword; field3 the callee
  # (the user USERS/2 further on, so callers of the first half call the second half and back).
  # trunk*.csv: the same callers, field3 a number off the PSTN instead: TRUNK_PREFIX and the caller's
  # extension (5145 + 100000 = 5145100000, a national number of the North American plan every client
  # has by default), one number per caller.
  awk -v n=$USERS -v f=$FIRST_EXT -v tp="$tp" 'BEGIN {
      print "SEQUENTIAL" > "users.csv"; print "SEQUENTIAL" > "users-a.csv"; print "SEQUENTIAL" > "users-b.csv"
      print "SEQUENTIAL" > "trunk.csv"; print "SEQUENTIAL" > "trunk-a.csv"; print "SEQUENTIAL" > "trunk-b.csv"
      for (i = 0; i < n; i++) {
        u = f + i; c = f + (i + n/2) % n
        line = sprintf("%d;pw%d;[authentication username=%d password=pw%d];%d", u, u, u, u, c)
        print line > "users.csv"; print line > (i < n/2 ? "users-a.csv" : "users-b.csv")
        line = sprintf("%d;pw%d;[authentication username=%d password=pw%d];%s%d", u, u, u, u, tp, u)
        print line > "trunk.csv"; print line > (i < n/2 ? "trunk-a.csv" : "trunk-b.csv")
      }
      print "id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int) " > "dbtext/htable"
      for (i = 0; i < n; i++) printf "%d:%d:0:0:pw%d:0\n", i + 1, f + i, f + i > "dbtext/htable"
      printf "id(int,auto) table_name(string) table_version(int) \n0:subscriber:7\n0:htable:2\n" > "dbtext/version"
      print "id(int,auto) username(string) domain(string) password(string) " > "dbtext/subscriber"
    }' 2>/dev/null
}

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
  # Calls: no BYE when a call is aborted. A call fails before its 200 (a 503, a timeout), where a BYE is
  # nonsense the server must answer; the scenario ACKs a 503 itself (SIPp's abort would not, without it).
  [[ $sf == uac_call* ]] && behave=(-default_behaviors all,-bye)
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
  # The step's wall time includes SIPp's receive timeout after the last call, when the server is idle:
  # sample the CPU every half second, so the CPU of the load phase itself can be read (load_cpu).
  ( while :; do echo "$(date +%s.%N) $(server_ms) $(host_ns)"; sleep 0.5; done ) > "$dir/cpu.tsv" 2>/dev/null &
  local sampler=$!
  LOAD_PIDS=()
  for i in $(seq 0 $((n - 1))); do
    read -r host lport csv <<< "${TARGETS[$i]}"
    mkdir -p "$dir/uac$i"
    ( cd "$dir/uac$i" && load_priority && exec /usr/bin/time -f "%e %U %S" -o "$dir/uac$i/sipp.time" \
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
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  t1=$(date +%s.%N)
  # load_cpu: server and host CPU from the start to the sample nearest the end of the offered load
  local load_cpu
  load_cpu=$(awk -v t0="$t0" -v s0="$s0" -v h0="$h0" -v until="$(awk -v c="$calls" -v r="$rate" -v h="$hold" 'BEGIN {printf "%.3f", c/r + h/1000}')" '
      { d = $1 - t0 - until; if (d < 0) d = -d; if (best == "" || d < best) { best = d; t = $1 - t0; s = $2; h = $3 } }
      END { if (t > 0) printf "load_cpu=%.0f%% load_host_cpu=%.0f%% (first %.1fs)", (s - s0) / 10 / t, (h - h0) / 1e7 / t, t
            else printf "load_cpu=n/a" }' "$dir/cpu.tsv")
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
           -v u0="$u0" -v u1="$u1" -v uac="$uac_ms" -v load1="$load" -v unexp="$unexp" -v tdisp="$tdisp" -v idle="$IDLE_PCT" -v loadcpu="$load_cpu" '
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
        printf "RESULT %-15s %-20s target=%s/s calls=%d ok=%d failed=%d retrans=%d unexpected=%d outofcall=%d rt_avg=%.0fms achieved=%.0f/s lag=%.1fs wall=%.1fs sipp_rc=%s server_cpu=%.0f%% server_cpu_per_op=%.0fus net_of_idle=%.0fus sipp_cpu=%.0f%% host_cpu=%.0f%% other_procs_cpu=%.0f%% load1=%s %s %s\n",
          setup, label, tdisp, total, ok, failed, retr, unexp, ooc, rt, achieved, lag, wall, rc, scpu, per_op, net, sipp, host, other, load1, loadcpu, pass }')
  echo "$line"
  RESULTS+=("$line")
  [[ $line == *" PASS" ]]
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

# Datagrams the kernel dropped because a socket's receive buffer was full, summed over the UDP
# sockets bound to these local ports (/proc/net/udp, last column): who could not keep up, the node
# or the SIPp that loads it.
udp_drops() {
  local ports=" $* "
  awk -v ports="$ports" '
    function hex(s,  i, n) { n = 0; for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1; return n }
    NR > 1 { split($2, a, ":"); if (index(ports, " " hex(toupper(a[2])) " ")) d += $NF }
    END { printf "%d", d }' /proc/net/udp
}

# The SIP ports of the current TARGETS: "node" (the servers') or "sipp" (the UACs').
target_ports() {
  local t host lport csv
  for t in "${TARGETS[@]}"; do
    read -r host lport csv <<< "$t"
    if [ "$1" = node ]; then echo "${host##*:}"; else echo "$lport"; fi
  done
}

# sample_sipp_drops FILE: until killed, writes to FILE the drops of the UACs' sockets every 0.5 s
# (the counter dies with the socket when SIPp exits, so it is read while SIPp runs; the last
# sample is a lower bound).
sample_sipp_drops() {
  local file=$1 ports d
  ports=$(target_ports sipp | tr '\n' ' ')
  echo 0 > "$file"
  while true; do
    # shellcheck disable=SC2086
    d=$(udp_drops $ports)
    [ "$d" -gt "$(cat "$file")" ] && echo "$d" > "$file"
    sleep 0.5
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

start_uas() {   # start_uas LABEL [IP PORT]: the callees' SIPp UAS (127.0.0.1:UAS_PORT), or the trunk mode's carrier
  local ip=${2:-127.0.0.1} port=${3:-$UAS_PORT}
  mkdir -p "$OUT/$SETUP/uas-$1"
  ( cd "$OUT/$SETUP/uas-$1" && load_priority && exec timeout -k 5 $((DUR * 40 + 600)) sipp -sf "$SC/uas_call.xml" -i "$ip" -p "$port" \
      -buff_size 4194304 -recv_timeout 10000 -trace_err -trace_stat -stf "$OUT/$SETUP/uas-$1/stat.csv" -fd 1 \
      < /dev/null > sipp_uas.out 2>&1 ) &
  UASPID=$!
  sleep 1
  kill -0 "$UASPID" 2>/dev/null || { echo "# the SIPp UAS on $ip:$port did not start, see $OUT/$SETUP/uas-$1/sipp_uas.out"; UASPID=""; return 1; }
}
# uas_answered LABEL: calls the UAS started as LABEL has completed so far (its INVITE answered, BYE
# answered), from the last line of its statistics file; the trunk mode prints it to show that the
# carrier really took the calls.
uas_answered() {
  local f="$OUT/$SETUP/uas-$1/stat.csv"
  [ -s "$f" ] || { echo "?"; return; }
  { head -1 "$f"; tail -1 "$f"; } | awk -F';' 'NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k; next }
      { printf "%d", $col["SuccessfulCall(C)"] }'
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
# node_command run ARGS... (run in the background: it execs, so that the node's PID is the JVM's, as
# with the launcher, which execs java): "ROOT/gridpbx run ARGS", which builds first when a source is
# newer than the jar; or, with LAUNCH_JAR set, the same JVM started directly on that jar, never
# building, with the launcher's own JVM flags (ROOT/gridpbx jvm-flags).
LAUNCH_JAR=""
node_command() {
  shift
  [ -z "$LAUNCH_JAR" ] && exec "$ROOT/gridpbx" run "$@"
  local flags
  # an older checkout's launcher has no jvm-flags: its JVM_FLAGS array, read from the script
  flags=$("$ROOT/gridpbx" jvm-flags 2> /dev/null) || flags=$(sed -n '/^JVM_FLAGS=(/,/^)/p' "$ROOT/gridpbx" | sed '1d;$d' | grep -v '^ *#')
  # shellcheck disable=SC2086
  exec "$(java25)" $flags ${GRIDPBX_JVM_OPTS:-} -jar "$LAUNCH_JAR" "$@"
}
java25() {   # the JDK 25 java the launcher would pick (GRIDPBX_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*25*)
  local c
  for c in "${GRIDPBX_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && "$c/bin/java" -version 2>&1 | grep -q 'version "2[5-9]' && { echo "$c/bin/java"; return; }
  done
  echo java
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
    GRIDPBX_JVM_OPTS="$JVM_OPTS" node_command run --gridpbx.sip.host=$host --gridpbx.sip.port=$((35059 + i)) --gridpbx.sip.tls-port=0 \
        --server.port=$((38079 + i)) --gridpbx.cluster.port=$((35700 + i)) --gridpbx.cluster.members="$members" \
        --gridpbx.api.operator-token="$TOKEN" --gridpbx.demo="${NODE_DEMO:-false}" --gridpbx.data-dir="$OUT/$SETUP/node$i-data" $NODE_ARGS \
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

# ---------------------------------------------------------------------------------------------
# trunk mode: one carrier (the SIPp UAS at CARRIER, host:port) and one platform route to it, through
# the REST API (/api/v1/gateways, /api/v1/routes). Those need a platform-level API token, and a
# fresh node has one only in its demo data (demo-platform-token; the operator token covers
# /api/v1/provisioning alone, and a token of the admin account is made in the portal): run.sh starts
# the nodes with --gridpbx.demo=true when MODES has trunk. The demo's carriers and routes are deleted
# first, so that route selection sees the bench's route alone and nothing probes the demo's hosts.
PLATFORM_TOKEN=${PLATFORM_TOKEN:-demo-platform-token}
rest() {   # rest METHOD PATH [JSON [NODE]] -> prints "HTTP_CODE BODY" (NODE 1 or 2: whose HTTP port)
  local method=$1 path=$2 body=${3:-} port=$((38079 + ${4:-1})) args
  args=(-s --max-time 30 -o "$OUT/$SETUP/rest.body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $PLATFORM_TOKEN")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
  curl "${args[@]}" "http://127.0.0.1:$port$path"
  echo " $(cat "$OUT/$SETUP/rest.body" 2>/dev/null)"
}
json_ids() { grep -o '"id":"[^"]*"' | cut -d'"' -f4; }   # the "id" values of a JSON body (not "gatewayIds")
provision_trunk() {   # CARRIER TRUNK_PATTERN
  local r id gw route n_routes=0 n_gws=0 i t0
  r=$(rest GET /api/v1/routes)
  [[ $r == 200* ]] || { echo "FATAL: GET /api/v1/routes with the platform token failed ($r): the trunk mode needs the demo platform token"; exit 1; }
  for id in $(echo "${r#* }" | json_ids); do
    [[ $(rest DELETE "/api/v1/routes/$id") == 204* ]] && n_routes=$((n_routes + 1))
  done
  r=$(rest GET /api/v1/gateways)
  for id in $(echo "${r#* }" | json_ids); do
    [[ $(rest DELETE "/api/v1/gateways/$id") == 204* ]] && n_gws=$((n_gws + 1))
  done
  # No OPTIONS probing: the carrier is a SIPp UAS that answers INVITEs only (the probes would be
  # unexpected messages to it), and a gateway that is not probed counts as up.
  r=$(rest POST /api/v1/gateways "{\"name\":\"Bench carrier\",\"host\":\"${CARRIER%:*}\",\"port\":\"${CARRIER##*:}\",\"transport\":\"UDP\",\"probing\":false}")
  [[ $r == 201* ]] || { echo "FATAL: POST /api/v1/gateways: $r"; exit 1; }
  gw=$(echo "${r#* }" | json_ids | head -1)
  r=$(rest POST /api/v1/routes "{\"name\":\"Bench PSTN\",\"pattern\":\"$TRUNK_PATTERN\",\"priority\":\"10\",\"gatewayIds\":[\"$gw\"]}")
  [[ $r == 201* ]] || { echo "FATAL: POST /api/v1/routes: $r"; exit 1; }
  route=$(echo "${r#* }" | json_ids | head -1)
  # A gateway's address is trusted by the SIP edge (never counted as a flood nor banned), as the
  # allow-list is: a carrier answering 50 calls/s sends more datagrams than the flood rule's 400 per 2 s.
  # every member serves the route before the first call (each keeps a mirror of the trunking maps)
  for i in $(seq ${#NODE_PIDS[@]}); do
    t0=$SECONDS
    until [[ $(rest GET "/api/v1/routes/$route" "" "$i") == 200* ]]; do
      [ $((SECONDS - t0)) -gt 30 ] && { echo "FATAL: node $i does not see the route $route after 30 s"; exit 1; }
      sleep 0.5
    done
  done
  sleep 1
  echo "# trunk: gateway $gw = udp:$CARRIER (probing off), platform route $route \"$TRUNK_PATTERN\" -> it;" \
       "the demo's $n_routes routes and $n_gws gateways deleted"
  [ "${TRUNK_BILLING:-1}" = 1 ] && provision_trunk_billing
}
# The issue's trunk path: limits, CDR and rating on every call. The bench's reseller (through a token the
# platform issues for it) bills its client prepaid by a profile of its own (6 s after a minimum of 30,
# 0.01 a minute for North America), tops it up far beyond what the run spends, and caps its concurrent
# calls far above what the run holds: every call takes a slot, is checked against the balance, rated
# and charged when it ends.
provision_trunk_billing() {
  local r secret
  r=$(rest POST /api/v1/tokens "{\"label\":\"bench billing\",\"scope\":\"reseller:$RESELLER\"}")
  [[ $r == 201* ]] || { echo "FATAL: POST /api/v1/tokens for reseller:$RESELLER: $r"; exit 1; }
  secret=$(echo "${r#* }" | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
  for call in "billing-profiles {\"name\":\"bench\",\"currency\":\"USD\",\"incrementSeconds\":\"6\",\"minimumSeconds\":\"30\",\"connectionFee\":\"0\"}" \
              "rates {\"description\":\"North America\",\"billingProfile\":\"bench\",\"prefix\":\"1\",\"pricePerMinute\":\"0.01\"}" \
              "client-billings {\"client\":\"$DOMAIN\",\"billingProfile\":\"bench\",\"mode\":\"prepaid\"}" \
              "client-call-limits {\"client\":\"$DOMAIN\",\"maxCalls\":\"100000\"}"; do
    r=$(PLATFORM_TOKEN=$secret rest POST "/api/v1/config/${call%% *}" "${call#* }")
    [[ $r == 201* ]] || { echo "FATAL: POST /api/v1/config/${call%% *}: $r"; exit 1; }
  done
  r=$(PLATFORM_TOKEN=$secret rest POST "/api/v1/balances/$DOMAIN/top-ups" '{"amount":"1000000","note":"bench"}')
  [[ $r == 200* || $r == 201* ]] || { echo "FATAL: top-up of $DOMAIN: $r"; exit 1; }
  sleep 1   # the members' billing mirrors take the new objects from their entry events
  echo "# trunk: $DOMAIN billed prepaid by reseller $RESELLER (profile bench: 6 s after 30, 0.01/min), topped up 1000000, capped at 100000 calls"
}
