#!/bin/bash
# GridPBX benchmark, side by side with the reference Kamailio set-up of ../shared/anchors/kamailio.
#
# For each set-up (Kamailio; GridPBX with one node; GridPBX with two nodes in one cluster) it drives
# SIPp over UDP on loopback at rising rates and prints, per measurement, one line starting with
# "RESULT", then a summary with the highest rate that passed and the GridPBX/Kamailio ratios.
#
#   reg   REGISTER -> 401 -> REGISTER with MD5 digest -> 200, over 10,000 users
#   call  INVITE/100/180/200/ACK/BYE between registered users (callee found by registration lookup);
#         both servers ask the caller for proxy credentials (407 + ACK + INVITE again with
#         Proxy-Authorization): Kamailio runs the anchor's -A WITH_AUTH_HT -A WITH_INVITE_AUTH variant,
#         and both get the same SIPp scenarios (reg_auth.xml for the callees, uac_call_auth.xml).
#   trunk INVITE/100/180/200/ACK/BYE from an authenticated user to a number off the PSTN (5145<ext>): the
#         same caller scenario, warm-up and ladder as call, but the callee is a carrier, a SIPp UAS at
#         CARRIER. GridPBX: the number goes through the client's dial plan (North America by default),
#         calling rights and route selection to the gateway, all provisioned through the REST API (a
#         platform route "1514[0-9]{7}" -> gateway CARRIER; the nodes start with the demo data, whose
#         platform token is the only one a fresh node has; the demo's routes and carriers are deleted).
#         Kamailio: the anchor's WITH_INVITE_AUTH variant plus a static route (bench/kamailio_trunk.cfg:
#         an all-digit Request-URI user goes to CARRIER), with no route table, limits or rating.
#   reg-overload, call-overload   not a ladder: the capacity (REG_CAPACITY / CALL_CAPACITY, or found
#         by climbing the ladder first) is offered at each factor of OVERLOAD_FACTORS, and one
#         "OVERLOAD" line per step prints goodput (operations that succeeded within DUR + hold + 1 s,
#         per second offered), the node's 503s and retransmissions. Goal: goodput >= 90 % of capacity
#         at 1.25x and 1.5x. A given capacity is first offered DUR seconds unmeasured (JIT warm-up).
#   presence  not a ladder (bench/presence_lib.sh): PRES_SUBS watchers SUBSCRIBE (Event: presence, digest 407
#         first) at PRES_SUB_RATE/s to PRES_PRESENTITIES presentities and stay; memory before and after (GridPBX:
#         live heap after full GC; Kamailio: shared memory in use); then every presentity PUBLISHes a new state
#         (SIP-If-Match, open/closed in turn, 407 first) every PRES_PERIOD_MS for DUR seconds, and the watchers
#         count the NOTIFYs and their latency. Kamailio runs bench/kamailio_presence.cfg (presence + presence_xml,
#         memory only, the same htable passwords), which needs kamailio-presence-modules.
#
# Usage:  bench/run.sh                                  # everything, default rate ladders
#         MODES=reg NODES=1 KAMAILIO=0 DUR=5 RATES=200 bench/run.sh   # a short smoke run
#
# Knobs (environment):
#   MODES       "reg call"          what to measure: reg, call, trunk, reg-overload, call-overload
#   NODES       "1 2"               GridPBX cluster sizes to measure (empty: none)
#   KAMAILIO    1                   0 skips the Kamailio reference
#   DUR         25                  seconds of offered load per measurement (the anchor used 25)
#   RATES       (unset)             one rate ladder for every mode; else REG_RATES / CALL_RATES
#   REG_RATES   "500 1000 2000 3000 4000 6000 8000 10000 12000 15000 20000"
#   CALL_RATES  "100 250 500 1000 1500 2000 2500 3000 4000 5000"   (call and trunk)
#   RETRY       1                   a failing rate is run again this many times before the ladder stops
#   STOP_ON_FAIL 1                  0: climb the whole ladder even after a failure
#   PAUSE_MS    1000                call hold time between ACK and BYE
#   WARM_REG_RATE 300               rate of the unmeasured registration of all users before each mode (a
#                                   fresh node is interpreted code: at 1,000/s it failed half of them)
#   WARM_CALL_RATE 200, WARM_CALL_SECS 10   unmeasured calls before the call ladder (JIT warm-up; 0 = none)
#   IDLE_SECS   5                   server CPU is sampled this long without traffic after each warm-up
#   SIPP_EXTRA  ""                  more options for the SIPp UACs, e.g. "-trace_msg" when debugging
#   REG_CAPACITY, CALL_CAPACITY (unset)   the capacity the overload modes start from (else climbed)
#   OVERLOAD_FACTORS "1.0 1.25 1.5"  offered load of the overload modes, as multiples of the capacity
#   OVERLOAD_WARM_SECS (DUR)         with a given capacity: seconds at it, unmeasured, before the steps (a
#                                   fresh node's C2 compiler still works 10-20 s after a 10 s warm-up)
#   SIPP_NICE   (unset)             e.g. -10 (root): every SIPp runs at this niceness, ahead of the server, so
#                                   that one SIPp can offer 1.5x a node's capacity on two cores (at normal
#                                   priority it starves next to an overloaded node: the steps measure SIPp)
#   GRIDPBX_JVM_OPTS "-Xms1g -Xmx2g"  passed to ./gridpbx run
#   BENCH_JAR   (unset)             run the nodes from this exec jar (a build of another commit, for a
#                                   before/after pair measured by the same script); else ./gridpbx run
#   NODE_ARGS   ""                  more node properties, e.g. "--gridpbx.sip.shed-delay-ms=0" (no shedding)
#   KAMAILIO_CHILDREN 4, KAMAILIO_SHM 1024, KAMAILIO_PKG 8, KPORT 35070   (the anchor's settings)
#   CARRIER     127.0.0.20:36020    trunk mode: the carrier's SIPp UAS (a loopback address of its own: GridPBX
#                                   takes every request from a gateway's host for a carrier's call)
#   TRUNK_PREFIX 5145               trunk mode: the caller <ext> dials TRUNK_PREFIX<ext> (10 digits, national)
#   TRUNK_PATTERN 1514[0-9]{7}      trunk mode: the GridPBX route's pattern (over the E.164 digits)
#   TRUNK_BILLING 1                 trunk mode: bill the callers' client prepaid (slot, balance check, CDR rating and charge per call); 0: none
#   PRES_SUBS 10000                 presence mode: subscriptions (one watcher user each, at most USERS)
#   PRES_PRESENTITIES 1000          presence mode: presentities (watcher i watches FIRST_EXT + (i+1) % PRES_PRESENTITIES)
#   PRES_SUB_RATE 500               presence mode: SUBSCRIBEs per second (steady) until PRES_SUBS exist
#   PRES_PERIOD_MS 1000             presence mode: each presentity changes state this often, for DUR seconds
#   PRES_WARM_SECS 10               presence mode: unmeasured seconds of fetches, then of changes, before measuring
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
WARM_REG_RATE=${WARM_REG_RATE:-300}
WARM_CALL_RATE=${WARM_CALL_RATE:-200}
WARM_CALL_SECS=${WARM_CALL_SECS:-10}
IDLE_SECS=${IDLE_SECS:-5}
SIPP_EXTRA=${SIPP_EXTRA:-}     # more options for every SIPp UAC, e.g. -trace_msg (debugging)
REG_CAPACITY=${REG_CAPACITY:-}
CALL_CAPACITY=${CALL_CAPACITY:-}
OVERLOAD_FACTORS=${OVERLOAD_FACTORS:-"1.0 1.25 1.5"}
OVERLOAD_WARM_SECS=${OVERLOAD_WARM_SECS:-$DUR}
JVM_OPTS=${GRIDPBX_JVM_OPTS:-"-Xms1g -Xmx2g"}
NODE_ARGS=${NODE_ARGS:-}
SIPP_NICE=${SIPP_NICE:-}
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
CARRIER=${CARRIER:-127.0.0.20:36020}
TRUNK_PREFIX=${TRUNK_PREFIX:-5145}
TRUNK_PATTERN=${TRUNK_PATTERN:-"1514[0-9]{7}"}
TRUNK=0
[[ " $MODES " == *" trunk "* ]] && TRUNK=1
# The trunk mode provisions its carrier and route with the demo data's platform API token: its nodes
# start with --gridpbx.demo=true (the demo tenants, 35 users in their own domains, stay idle beside the
# bench's; the demo's carriers and routes are deleted). Without trunk in MODES nothing changes.
[ "$TRUNK" = 1 ] && NODE_DEMO=true

STAMP=$(date +%Y%m%d-%H%M%S)
WORK=${WORK:-/tmp/gridpbx-bench}
OUT=${OUT:-$WORK/results/$STAMP}
DATA=$WORK/users
mkdir -p "$OUT" "$DATA"

. "$HERE/lib.sh"
. "$HERE/presence_lib.sh"
LAUNCH_JAR=${BENCH_JAR:-}   # another build to measure (e.g. the tree before a change), never rebuilt

trap cleanup EXIT
trap 'echo "# interrupted"; exit 130' INT TERM

require_sipp_curl
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
if [[ " $MODES " == *" presence "* ]]; then
  presence_check_knobs
  if [ "$KAMAILIO" = 1 ] && ! kam_presence_modules; then
    echo "KAMAILIO PRESENCE MODULES MISSING: install them with 'apt-get install -y kamailio-presence-modules' (as root). The presence mode measures GridPBX alone."
    KAM_PRESENCE=0
  fi
fi


(cd "$DATA" && gen_users)

declare -A BEST BEST_COST BEST_NET TOP_RATE

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
    # A given capacity: first OVERLOAD_WARM_SECS at it, unmeasured, so that the JIT has compiled the hot path.
    warm_up "$mode-overload-warmup" "$cap" $((cap * OVERLOAD_WARM_SECS)) "$hold" "$sf" "${extra[@]}" > /dev/null
  fi
  echo "# $SETUP: $mode capacity ${cap}/s; offering ${OVERLOAD_FACTORS// /x, }x of it for ${DUR} s each"
  for f in $OVERLOAD_FACTORS; do
    rate=$(awk -v c="$cap" -v f="$f" 'BEGIN {printf "%d", c * f}')
    # shellcheck disable=SC2046
    nd0=$(udp_drops $(target_ports node))
    sample_sipp_drops "$OUT/sipp-drops" & local sampler=$!
    run_load "$mode-overload-x$f" "$rate" $((rate * DUR)) "$hold" "$sf" "${extra[@]}" > /dev/null
    line=${RESULTS[-1]}
    echo "$line"
    after=$(overload_counters)
    kill "$sampler" 2> /dev/null; wait "$sampler" 2> /dev/null
    # shellcheck disable=SC2046
    nd1=$(udp_drops $(target_ports node)); sd0=0; sd1=$(cat "$OUT/sipp-drops")
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
        -v hold="$hold" -v retr="$retr" -v shed=$((s1 - s0)) -v stale=$((d1 - d0)) -v grid=$((g1 - g0)) -v line="$line" \
        -v ndrop=$((nd1 - nd0)) -v sdrop=$((sd1 - sd0)) 'BEGIN {
      pct = 100 * good / cap
      match(line, /failed=[0-9]+/); failed = substr(line, RSTART + 7, RLENGTH - 7)
      match(line, /server_cpu=[0-9]+%/); cpu = substr(line, RSTART, RLENGTH)
      verdict = pct >= 90 ? "GOAL-MET" : "BELOW-90%"
      # SIPp is one thread: past its own limit its socket overflows, it retransmits what it missed,
      # and the step measures the load generator rather than the server.
      if (pct < 90 && sdrop > 10 * (ndrop + 1000)) verdict = verdict " (SIPp-SATURATED: its socket dropped " sdrop " datagrams, the server'"'"'s " ndrop ")"
      printf "OVERLOAD %-15s %-4s x%-4s offered=%d/s goodput=%.0f/s (%.0f%% of capacity %d/s) ok=%d failed=%d shed_503=%d stale_drops=%d grid_503=%d retrans=%d rcvbuf_drops=%d/%d(server/sipp) %s %s\n",
        setup, mode, f, rate, good, pct, cap, ok, failed, shed, stale, grid, retr, ndrop, sdrop, cpu, verdict }'
    sleep 3
  done
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
      trunk)
        # The call mode's ladder towards a carrier: no registrations (the callers authenticate their
        # INVITEs, the carrier is no user), the same warm-up of WARM_CALL_SECS, the same rates and hold.
        if [ "$SETUP" = kamailio ]; then restart_kam trunk || continue; fi
        start_uas carrier "${CARRIER%:*}" "${CARRIER##*:}" || continue
        local saved=("${TARGETS[@]}") t host lport csv
        TARGETS=()
        for t in "${saved[@]}"; do   # users*.csv -> trunk*.csv: the same callers, dialling numbers
          read -r host lport csv <<< "$t"
          TARGETS+=("$host $lport $(dirname "$csv")/trunk$(basename "$csv" | sed 's/^users//')")
        done
        if [ "$WARM_CALL_SECS" -gt 0 ]; then
          warm_up trunk-warmup "$WARM_CALL_RATE" $((WARM_CALL_RATE * WARM_CALL_SECS)) "$PAUSE_MS" "$call_sf" -d "$PAUSE_MS"
        fi
        measure_idle
        # shellcheck disable=SC2086
        climb trunk "$call_sf" "$PAUSE_MS" $CALL_RATES
        sleep 5   # the carrier counts a call once its 4 s timewait is over
        local offered_ok
        offered_ok=$(printf '%s\n' "${RESULTS[@]}" | grep " $SETUP .* trunk-" | grep -o ' ok=[0-9]*' | cut -d= -f2 | awk '{ s += $1 } END { print s + 0 }')
        local bans=""
        if [ "$SETUP" != kamailio ]; then   # a banned carrier's answers are dropped: calls end in 408
          bans="; SIP bans issued by the nodes: $(for t in $(seq ${#NODE_PIDS[@]}); do status_of "$t"; echo; done |
                  grep -o '"bansIssued":[0-9]*' | cut -d: -f2 | awk '{ s += $1 } END { print s + 0 }')"
        fi
        echo "# $SETUP: the carrier at $CARRIER completed $(uas_answered carrier) calls; the callers counted $offered_ok successful calls in the trunk runs (warm-up included)$bans"
        TARGETS=("${saved[@]}")
        stop_uas ;;
      presence)
        if [ "$SETUP" = kamailio ]; then
          [ "${KAM_PRESENCE:-1}" = 1 ] || continue
          restart_kam presence || continue
        fi
        measure_presence ;;
      *) echo "# unknown mode $m (reg, call, trunk, reg-overload, call-overload, presence)" ;;
    esac
  done
}

# ---------------------------------------------------------------------------------------------
# Kamailio: the anchor's kamailio.cfg, auth_ht variant (-A WITH_AUTH_HT) for reg, and for call the
# same plus -A WITH_INVITE_AUTH (initial INVITEs must pass proxy digest auth, passwords from the same
# htable; callee by usrloc lookup()), so a call costs both servers the same INVITE/407/ACK/INVITE
# exchange. The copy in $OUT differs only in the listen port (KPORT). For trunk: the same variant and
# a static route to the carrier (-A WITH_PSTN_ROUTE, bench/kamailio_trunk.cfg), in $OUT/kamailio-trunk.cfg.
kam_trunk_cfg() {   # the anchor's file + the hook before "#!ifdef STATIC_ROUTE" + route[PSTN] -> $OUT/kamailio-trunk.cfg
  local f="$OUT/kamailio-trunk.cfg"
  awk '/^#!ifdef STATIC_ROUTE/ && !done {
         print "#!ifdef WITH_PSTN_ROUTE"; print "\tif ($rU =~ \"^[0-9]+$\") {"; print "\t\troute(PSTN);"; print "\t}"
         print "#!endif"; done = 1 }
       { print }' "$ANCHOR/kamailio.cfg" | sed "s/127\.0\.0\.1:5070/127.0.0.1:$KPORT/g" > "$f"
  [ "$(grep -c 'route(PSTN)' "$f")" = 1 ] || { echo "# the anchor's kamailio.cfg has no '#!ifdef STATIC_ROUTE' line: no trunk config"; return 1; }
  { echo; echo "####### bench/kamailio_trunk.cfg ########"; sed "s/CARRIER_HOSTPORT/$CARRIER/g" "$HERE/kamailio_trunk.cfg"; } >> "$f"
}
start_kam() {   # $1 = label, rest = extra kamailio args; KCFG = the config file (default: the anchor's copy)
  local label=$1; shift
  sed "s/127\.0\.0\.1:5070/127.0.0.1:$KPORT/g" "$ANCHOR/kamailio.cfg" > "$OUT/kamailio.cfg"
  kamailio -f "${KCFG:-$OUT/kamailio.cfg}" -m "$KAMAILIO_SHM" -M "$KAMAILIO_PKG" -n "$KAMAILIO_CHILDREN" -DD -E \
      -A "DBURL=\"text://${KDB:-$DATA/dbtext}\"" "$@" > "$OUT/kamailio/kamailio-$label.log" 2>&1 &
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
  echo "# kamailio pid $KPID ($label): $(basename "${KCFG:-$OUT/kamailio.cfg}") -m $KAMAILIO_SHM -M $KAMAILIO_PKG -n $KAMAILIO_CHILDREN -DD -E $* on udp:127.0.0.1:$KPORT"
}
restart_kam() {
  stop_kam
  case $1 in
    reg)  start_kam auth_ht -A WITH_AUTH_HT ;;
    call) start_kam invite_auth -A WITH_AUTH_HT -A WITH_INVITE_AUTH ;;
    trunk) kam_trunk_cfg && KCFG="$OUT/kamailio-trunk.cfg" start_kam invite_auth_pstn -A WITH_AUTH_HT -A WITH_INVITE_AUTH -A WITH_PSTN_ROUTE ;;
    # bench/kamailio_presence.cfg: its own db_text directory (the htable and the empty presence tables)
    presence) kam_presence_setup && KCFG="$OUT/kamailio-presence.cfg" KDB="$OUT/kamailio/presence-db" \
                start_kam presence -A "CTLSOCK=\"unix:$KCTL\"" ;;
  esac
}
bench_kamailio() {
  SETUP=kamailio
  mkdir -p "$OUT/kamailio"
  TARGETS=("127.0.0.1:$KPORT 36000 $DATA/users.csv")
  DOMAIN_KEY=127.0.0.1
  measure_modes reg_auth.xml uac_call_auth.xml
  stop_kam
}

# ---------------------------------------------------------------------------------------------
# GridPBX
bench_gridpbx() {   # $1 = number of nodes
  local n=$1 i
  SETUP="gridpbx-${n}node"
  mkdir -p "$OUT/$SETUP"
  start_nodes "$n"
  provision
  [ "$TRUNK" = 1 ] && provision_trunk
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
[ "$TRUNK" = 1 ] && echo "# trunk: carrier (SIPp UAS) at udp:$CARRIER, callers dial $TRUNK_PREFIX<ext>; GridPBX nodes start with the demo data (its platform API token provisions the route)"
echo "# MODES=\"$MODES\" NODES=\"$NODES\" KAMAILIO=$KAMAILIO DUR=${DUR}s REG_RATES=\"$REG_RATES\" CALL_RATES=\"$CALL_RATES\"" \
     "RETRY=$RETRY STOP_ON_FAIL=$STOP_ON_FAIL PAUSE_MS=$PAUSE_MS GRIDPBX_JVM_OPTS=\"$JVM_OPTS\" NODE_ARGS=\"$NODE_ARGS\" SIPP_NICE=$SIPP_NICE raw output: $OUT"
# With BENCH_JAR the nodes run that jar: the working tree is not built (nor used).
[ -n "$NODES" ] && [ -z "$LAUNCH_JAR" ] && ensure_built
SETUPS=()
[ "$KAMAILIO" = 1 ] && { SETUPS+=(kamailio); bench_kamailio; }
for n in $NODES; do
  case $n in 1|2) SETUPS+=("gridpbx-${n}node"); bench_gridpbx "$n" ;; *) echo "# NODES: only 1 and 2 are supported, not $n" ;; esac
done

# ---------------------------------------------------------------------------------------------
# the ladder modes' summary (the overload modes' OVERLOAD lines and the presence table are their own)
LADDERS=$(for m in $MODES; do [[ $m == *-overload || $m == presence ]] || echo "$m"; done)
if [ -n "$LADDERS" ]; then
echo
echo "SUMMARY highest rate that PASSED (zero failed calls, rate kept, retransmissions <= 0.1 %), and at that rate"
echo "        the CPU of all server processes per operation (us per registration / per call), gross and net of idle CPU"
printf '%-5s %-15s %10s %12s %12s   %s\n' mode setup best_rate cpu_per_op net_of_idle note
for m in $MODES; do
  [[ $m == *-overload || $m == presence ]] && continue   # their OVERLOAD lines are their summary; presence has its own
  for s in "${SETUPS[@]}"; do
    b=${BEST[$s.$m]:-}
    note=""
    [ -n "$b" ] && [ "$b" = "${TOP_RATE[$s.$m]:-}" ] && note="the top of the ladder passed: the limit is higher"
    [ -z "$b" ] && note="no rate passed"
    printf '%-5s %-15s %10s %12s %12s   %s\n' "$m" "$s" "${b:+$b/s}" "${BEST_COST[$s.$m]:+${BEST_COST[$s.$m]}us}" \
        "${BEST_NET[$s.$m]:+${BEST_NET[$s.$m]}us}" "$note"
  done
done
fi
if [ "$KAMAILIO" = 1 ] && [ -n "$NODES" ] && [ -n "$LADDERS" ]; then
  echo
  echo "RATIOS GridPBX / Kamailio   rate: above 1 = GridPBX sustains more;  cpu: above 1 = GridPBX spends more CPU per operation"
  printf '%-5s %-15s %10s %12s %12s\n' mode setup rate_ratio cpu_ratio net_cpu_ratio
  for m in $MODES; do
    [[ $m == *-overload || $m == presence ]] && continue
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
  [ "$TRUNK" = 1 ] && echo "(trunk: Kamailio relays an all-digit number to one static carrier; GridPBX applies the client's dial plan, the caller's calling rights and the route table (with a failover timer per call; gateway probing is off)$([ "${TRUNK_BILLING:-1}" = 1 ] && echo ", and, unlike Kamailio, a cluster-wide concurrent-call slot, the prepaid balance check, the CDR and its rating and charge on every call" || echo "; neither has limits, CDR or rating in this run (TRUNK_BILLING=0)"))"
fi
if [ "$TRUNK" = 1 ] && [[ " $MODES " == *" call "* ]]; then
  echo
  echo "TRUNK / CALL per set-up   rate: trunk's best rate / the internal call's;  cpu: CPU per trunk call / per internal call"
  printf '%-15s %10s %10s %10s %12s %12s\n' setup call_rate trunk_rate rate_ratio cpu_ratio net_cpu_ratio
  for s in "${SETUPS[@]}"; do
    awk -v s="$s" -v cb="${BEST[$s.call]:-0}" -v tb="${BEST[$s.trunk]:-0}" \
        -v cc="${BEST_COST[$s.call]:-0}" -v tc="${BEST_COST[$s.trunk]:-0}" \
        -v cn="${BEST_NET[$s.call]:-0}" -v tn="${BEST_NET[$s.trunk]:-0}" 'BEGIN {
      rr = (cb > 0 && tb > 0) ? sprintf("%.2f", tb / cb) : "-"
      cr = (cc > 0 && tc > 0) ? sprintf("%.2f", tc / cc) : "-"
      nr = (cn > 0 && tn > 0) ? sprintf("%.2f", tn / cn) : "-"
      printf "%-15s %10s %10s %10s %12s %12s\n", s, (cb > 0 ? cb "/s" : "-"), (tb > 0 ? tb "/s" : "-"), rr, cr, nr }'
  done
  echo "(an internal call and a trunk call are measured at different rates when their best rates differ: compare the cpu ratios of the RESULT lines at one rate too)"
fi
[[ " $MODES " == *" presence "* ]] && presence_summary
echo "# raw output: $OUT"
