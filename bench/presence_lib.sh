#!/bin/bash
# run.sh's presence mode (MODES=presence), sourced after lib.sh. Reads run.sh's knobs (DUR, USERS,
# FIRST_EXT, DATA, OUT, SC, SETUP, TARGETS, DOMAIN_KEY, IDLE_SECS, SIPP_EXTRA) and its own:
#   PRES_SUBS 10000, PRES_PRESENTITIES 1000, PRES_SUB_RATE 500, PRES_PERIOD_MS 1000, PRES_WARM_SECS 10
#   (see run.sh's header).
#
# One measurement per set-up, in two phases, with the same SIPp scenarios against both servers:
#   1. subscriptions: PRES_SUBS watchers (users FIRST_EXT.., each its own user) SUBSCRIBE (Event: presence,
#      Expires: 3600, digest 407 first) at PRES_SUB_RATE/s to PRES_PRESENTITIES presentities
#      (watcher i watches FIRST_EXT + (i+1) % PRES_PRESENTITIES: PRES_SUBS/PRES_PRESENTITIES watchers each);
#      every watcher stays, answering each NOTIFY 200 (presence_watch.xml). Memory is taken before and after.
#   2. changes: the presentities PUBLISH (presence_publish.xml): an initial publication (open), then one
#      modification (SIP-If-Match, closed and open in turn) every PRES_PERIOD_MS for DUR seconds, each
#      challenged (407) like the subscriptions, and the publication removed at the end. The watchers count
#      the NOTIFYs they receive (SIPp -trace_counts) and log each one's latency (the publisher's send time
#      is in the PIDF note).
# Before phase 1, unmeasured: PRES_WARM_SECS of fetches (SUBSCRIBE, Expires: 0) and of changes (JIT warm-up).
# Prints two PRESENCE lines per set-up and keeps the figures for run.sh's summary (PRES[...]).

PRES_SUBS=${PRES_SUBS:-10000}
PRES_PRESENTITIES=${PRES_PRESENTITIES:-1000}
PRES_SUB_RATE=${PRES_SUB_RATE:-500}
PRES_PERIOD_MS=${PRES_PERIOD_MS:-1000}
PRES_WARM_SECS=${PRES_WARM_SECS:-10}
# SIPp ignores unexpected messages (counted from its error log) instead of aborting: a server that answers a
# retransmitted request with a second 407 (both do on a loaded box) would otherwise fail a phone-legal
# exchange (see README, "Duplicate challenges"); no BYE for a failed subscription.
PRES_BEHAVE="-default_behaviors all,-bye,-abortunexp"
PRES_PUB_PORT=36030    # publishers' SIPp (one per target: 36030, 36031); watchers use the targets' ports
declare -A PRES

presence_check_knobs() {   # exits on knobs the users cannot serve
  [ "$PRES_SUBS" -le "$USERS" ] || { echo "FATAL: PRES_SUBS ($PRES_SUBS) is more than the $USERS provisioned users (one watcher each)"; exit 1; }
  [ "$PRES_PRESENTITIES" -ge 2 ] && [ "$PRES_PRESENTITIES" -le "$PRES_SUBS" ] \
    || { echo "FATAL: PRES_PRESENTITIES must be 2..PRES_SUBS"; exit 1; }
  [ $((PRES_SUBS % PRES_PRESENTITIES)) = 0 ] || echo "# presence: PRES_SUBS is not a multiple of PRES_PRESENTITIES: watchers per presentity differ by one"
}

# Injection files in $DATA/presence: watchers (field3 = the presentity) and publishers, whole and in halves
# (the halves for two nodes: each node gets half of the watchers and half of the presentities).
presence_users() {
  mkdir -p "$DATA/presence"
  (cd "$DATA/presence" && awk -v s="$PRES_SUBS" -v p="$PRES_PRESENTITIES" -v f="$FIRST_EXT" 'BEGIN {
      print "SEQUENTIAL" > "watchers.csv"; print "SEQUENTIAL" > "watchers-a.csv"; print "SEQUENTIAL" > "watchers-b.csv"
      print "SEQUENTIAL" > "publishers.csv"; print "SEQUENTIAL" > "publishers-a.csv"; print "SEQUENTIAL" > "publishers-b.csv"
      for (i = 0; i < s; i++) {
        u = f + i
        line = sprintf("%d;pw%d;[authentication username=%d password=pw%d];%d", u, u, u, u, f + (i + 1) % p)
        print line > "watchers.csv"; print line > (i < s / 2 ? "watchers-a.csv" : "watchers-b.csv")
      }
      for (i = 0; i < p; i++) {
        u = f + i
        line = sprintf("%d;pw%d;[authentication username=%d password=pw%d]", u, u, u, u)
        print line > "publishers.csv"; print line > (i < p / 2 ? "publishers-a.csv" : "publishers-b.csv")
      }
    }')
}
presence_csv() {   # presence_csv KIND INDEX: the injection file of target INDEX (whole with one target)
  if [ ${#TARGETS[@]} = 1 ]; then echo "$DATA/presence/$1.csv"; else echo "$DATA/presence/$1-$([ "$2" = 0 ] && echo a || echo b).csv"; fi
}

# ---------------------------------------------------------------------------------------------
# Kamailio: bench/kamailio_presence.cfg (listen port KPORT), its db_text directory (the bench's htable of
# passwords and the empty presence tables) and a binrpc socket for kamcmd.
kam_presence_setup() {
  local d="$OUT/kamailio/presence-db" s=/usr/share/kamailio/dbtext/kamailio t
  rm -rf "$d"; mkdir -p "$d"
  cp "$DATA/dbtext/htable" "$d/htable"
  {
    echo "id(int,auto) table_name(string) table_version(int) "
    echo "0:htable:2"
    for t in presentity:5 active_watchers:12 watchers:3 xcap:4; do echo "0:$t"; done
  } > "$d/version"
  for t in presentity active_watchers watchers xcap; do
    if [ -r "$s/$t" ]; then head -1 "$s/$t" > "$d/$t"; else echo "# kamailio: no db_text schema $s/$t"; return 1; fi
  done
  sed "s/127\.0\.0\.1:5070/127.0.0.1:$KPORT/g" "$HERE/kamailio_presence.cfg" > "$OUT/kamailio-presence.cfg"
  KCTL="$OUT/kamailio/kamailio_ctl.sock"
}
kam_presence_modules() {   # 0 when the presence modules are installed (installs them as root, like kamailio itself)
  local m=/usr/lib/x86_64-linux-gnu/kamailio/modules
  [ -r "$m/presence.so" ] && [ -r "$m/presence_xml.so" ] && return 0
  apt_install kamailio-presence-modules
  [ -r "$m/presence.so" ] && [ -r "$m/presence_xml.so" ]
}

# ---------------------------------------------------------------------------------------------
# Memory. GridPBX: the live heap after two full GCs (the class histogram, G1 fillers left out), summed over
# the nodes, once the write-behind is synced. Kamailio: the shared memory its allocator has in use
# (kamcmd core.shmmem "used": subscriptions and publications live there) and the PSS of all its processes.
JDK_BIN=""
presence_wait_synced() {
  local i t0=$SECONDS all
  while :; do
    all=1
    for i in $(seq ${#NODE_PIDS[@]}); do status_of "$i" | grep -q '"synced":true' || all=0; done
    [ $all = 1 ] && return 0
    [ $((SECONDS - t0)) -gt 120 ] && { echo "# $SETUP: write-behind not synced after 120 s; measuring anyway"; return 1; }
    sleep 1
  done
}
presence_memory() {   # presence_memory TAG -> prints "<main bytes> <second bytes>" (GridPBX: live heap, heap_info used; Kamailio: shm used, PSS)
  local tag=$1 p i live=0 used=0 h
  if [ "$SETUP" = kamailio ]; then
    local shm pss prev=-1 k
    # tm keeps each finished transaction a few seconds (wait timer) and NOTIFY transactions until their 200:
    # wait until the shared memory in use stands still (within 64 KiB over 2 s; at most 30 s)
    for k in $(seq 15); do
      shm=$(kamcmd -s "unix:$KCTL" core.shmmem 2>/dev/null | awk '$1 == "used:" { print $2 }')
      [ -n "$shm" ] && [ "$prev" -ge 0 ] && [ $(( shm > prev ? shm - prev : prev - shm )) -lt 65536 ] && break
      prev=${shm:-0}; sleep 2
    done
    pss=$(for p in "$KPID" $(ps -o pid= --ppid "$KPID"); do cat "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '$1 == "Pss:" { t += $2 } END { printf "%d", t * 1024 }')
    echo "${shm:-0} ${pss:-0}"
    return
  fi
  [ -n "$JDK_BIN" ] || JDK_BIN=$(dirname "$(java25)")
  presence_wait_synced > /dev/null
  for i in $(seq ${#NODE_PIDS[@]}); do
    p=${NODE_PIDS[$((i - 1))]}
    "$JDK_BIN/jcmd" "$p" GC.run > /dev/null; sleep 1; "$JDK_BIN/jcmd" "$p" GC.run > /dev/null
    "$JDK_BIN/jcmd" "$p" GC.class_histogram > "$OUT/$SETUP/presence-histo-$tag-node$i.txt"
    "$JDK_BIN/jcmd" "$p" GC.heap_info > "$OUT/$SETUP/presence-heapinfo-$tag-node$i.txt"
    h=$(awk '$1 ~ /^[0-9]+:$/ && $4 !~ /jdk\.internal\.vm\.Filler/ { t += $3 } END { printf "%d", t }' "$OUT/$SETUP/presence-histo-$tag-node$i.txt")
    live=$((live + h))
    h=$(grep -o 'used [0-9]*K' "$OUT/$SETUP/presence-heapinfo-$tag-node$i.txt" | head -1 | grep -o '[0-9]*')
    used=$((used + ${h:-0} * 1024))
  done
  echo "$live $used"
}

# ---------------------------------------------------------------------------------------------
# SIPp counters. counts_sum PREFIX REGEX: the sum, over the SIPp -trace_counts files of the directories
# PREFIX* (e.g. .../watch: watch0, watch1), of the columns whose name matches REGEX, on each file's last
# line. stat_sum PREFIX COLUMN: the same over their -trace_stat files.
counts_sum() {
  local f
  for f in "$1"*/*_counts.csv; do
    [ -s "$f" ] || continue
    { head -1 "$f"; tail -1 "$f"; } | awk -F';' -v re="$2" 'NR == 1 { for (k = 1; k <= NF; k++) if ($k ~ re) c[k] = 1; next }
        { for (k in c) s += $k } END { print s + 0 }'
  done | awk '{ s += $1 } END { print s + 0 }'
}
stat_sum() {
  local f
  for f in "$1"*/stat.csv; do
    [ -s "$f" ] || continue
    { head -1 "$f"; tail -1 "$f"; } | awk -F';' -v c="$2" 'NR == 1 { for (k = 1; k <= NF; k++) if ($k == c) col = k; next } { print $col + 0 }'
  done | awk '{ s += $1 } END { print s + 0 }'
}
# The NOTIFYs of the watching loop: the last NOTIFY recv of presence_watch.xml (its index is the highest).
loop_notify_column() {
  local f
  f=$(ls "$1"*/*_counts.csv 2>/dev/null | head -1)
  [ -n "$f" ] && head -1 "$f" | tr ';' '\n' | grep '_NOTIFY_Recv$' | tail -1
}

# ---------------------------------------------------------------------------------------------
start_watchers() {   # start_watchers DIR: one SIPp per target, subscribing at PRES_SUB_RATE / targets
  local dir=$1 n=${#TARGETS[@]} i host lport csv per_rate per_subs
  per_rate=$(awk -v r="$PRES_SUB_RATE" -v n="$n" 'BEGIN {printf "%g", r/n}')
  per_subs=$(( (PRES_SUBS + n - 1) / n ))
  WATCH_PIDS=()
  for i in $(seq 0 $((n - 1))); do
    read -r host lport csv <<< "${TARGETS[$i]}"
    mkdir -p "$dir/watch$i"
    # The watching loop has its own 10-minute timeout; -recv_timeout bounds the SUBSCRIBE transactions and
    # the first NOTIFY.
    ( cd "$dir/watch$i" && load_priority && exec timeout -k 5 $((PRES_SUBS / PRES_SUB_RATE + DUR + 600)) sipp "$host" -i 127.0.0.1 -p "$lport" \
        -r "$per_rate" -rp 1000 -m "$per_subs" -l $((per_subs + 10)) -recv_timeout 10000 -buff_size 4194304 \
        $PRES_BEHAVE -trace_stat -stf "$dir/watch$i/stat.csv" -trace_counts -fd 1 -trace_err -trace_logs \
        -sf "$SC/presence_watch.xml" -inf "$(presence_csv watchers "$i")" -key domain "$DOMAIN_KEY" $SIPP_EXTRA \
        < /dev/null > "$dir/watch$i/sipp.out" 2>&1 ) &
    WATCH_PIDS+=($!)
  done
}
stop_watchers() {
  local p
  for p in "${WATCH_PIDS[@]}"; do kill_tree "$p"; done
  for p in "${WATCH_PIDS[@]}"; do wait "$p" 2> /dev/null; done
  WATCH_PIDS=()
}
# run_publishers DIR CHANGES: every presentity publishes, then changes CHANGES times (one SIPp per target,
# ports PRES_PUB_PORT + i), all presentities starting within one second; waits for them; RC = SIPp's worst exit code
run_publishers() {
  local dir=$1 changes=$2 n=${#TARGETS[@]} i host lport csv per_pub r pids=()
  per_pub=$(( (PRES_PRESENTITIES + n - 1) / n ))
  mkdir -p "$dir"
  sed "s/@CHANGES@/$changes/g; s/@PERIOD_MS@/$PRES_PERIOD_MS/g" "$SC/presence_publish.xml" > "$dir/presence_publish.xml"
  for i in $(seq 0 $((n - 1))); do
    read -r host lport csv <<< "${TARGETS[$i]}"
    mkdir -p "$dir/pub$i"
    ( cd "$dir/pub$i" && load_priority && exec timeout -k 5 $((changes * PRES_PERIOD_MS / 1000 + 120)) sipp "$host" -i 127.0.0.1 -p $((PRES_PUB_PORT + i)) \
        -r "$per_pub" -rp 1000 -m "$per_pub" -l $((per_pub + 10)) -recv_timeout 10000 -buff_size 4194304 \
        $PRES_BEHAVE -trace_stat -stf "$dir/pub$i/stat.csv" -trace_counts -fd 1 -trace_err \
        -sf "$dir/presence_publish.xml" -inf "$(presence_csv publishers "$i")" -key domain "$DOMAIN_KEY" $SIPP_EXTRA \
        < /dev/null > "$dir/pub$i/sipp.out" 2>&1 ) &
    pids+=($!)
  done
  LOAD_PIDS=("${pids[@]}")   # stopped by cleanup on Ctrl-C
  RC=0
  for i in "${!pids[@]}"; do wait "${pids[$i]}"; r=$?; [ $r -gt $RC ] && RC=$r; done
  LOAD_PIDS=()
  trim_logs "$dir"
}
unexpected_in() { cat "$@" 2> /dev/null | grep -c "call on unexpected message"; }

watchers_alive() { local p; for p in "${WATCH_PIDS[@]}"; do kill -0 "$p" 2> /dev/null && return 0; done; return 1; }

# latency_stats DIR SINCE_MS: p50 p99 max (ms) of the NOTIFYs logged by the watchers whose publication was
# sent after SINCE_MS (the log line: "N <epoch s> <us> <sent epoch ms> <Call-ID>")
latency_stats() {
  cat "$1"/watch*/*_logs.log 2>/dev/null | awk -v since="$2" 'NF >= 4 && $4 ~ /^[0-9]/ && $4 + 0 >= since { print ($2 * 1000 + $3 / 1000) - $4 }' | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - - 0"; exit }
           i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
           printf "%.1f %.1f %.1f %d\n", v[i50], v[i99], v[NR], NR }'
}

# repeated_notifies DIR SINCE_MS: NOTIFYs that brought a watcher a publication it had already been notified of
# (same Call-ID, same send time in the note): not a state change for that watcher
repeated_notifies() {
  cat "$1"/watch*/*_logs.log 2>/dev/null | awk -v since="$2" 'NF >= 5 && $4 ~ /^[0-9]/ && $4 + 0 >= since { if (seen[$5 " " $4]++) r++ } END { print r + 0 }'
}

# ---------------------------------------------------------------------------------------------
measure_presence() {
  local dir="$OUT/$SETUP/presence" n=${#TARGETS[@]} i host lport csv
  local m0 m0b m1 m1b t0 t1 s0 s1 h0 h1 est failed goal=$PRES_SUBS last_est=-1
  rm -rf "$dir"; mkdir -p "$dir"
  presence_users
  # Unmeasured warm-up, so that a JVM's first SUBSCRIBEs and PUBLISHes do not run interpreted in the measured
  # phases: PRES_WARM_SECS of fetches (SUBSCRIBE with Expires: 0: no subscription stays) rising to
  # PRES_SUB_RATE, then PRES_WARM_SECS of the presentities' changes (each publication removed at its end).
  if [ "$PRES_WARM_SECS" -gt 0 ]; then
    warm_up presence-fetch-warmup "$PRES_SUB_RATE" $((PRES_SUB_RATE * PRES_WARM_SECS)) 0 presence_fetch.xml $PRES_BEHAVE > /dev/null
    run_publishers "$OUT/$SETUP/presence-publish-warmup" $((PRES_WARM_SECS * 1000 / PRES_PERIOD_MS))
    echo "# $SETUP: presence warm-up: ${PRES_WARM_SECS} s of fetches, then ${PRES_WARM_SECS} s of changes:" \
         "$(counts_sum "$OUT/$SETUP/presence-publish-warmup/pub" '_200_Recv$') publications accepted, $(stat_sum "$OUT/$SETUP/presence-publish-warmup/pub" 'FailedCall(C)') presentities failed"
    sleep 2
  fi
  read -r m0 m0b <<< "$(presence_memory before)"
  echo "# $SETUP: presence: memory before the subscriptions: $(presence_mem_words "$m0" "$m0b")"

  # ---- phase 1: subscriptions at a steady rate
  s0=$(server_ms); h0=$(host_ns); t0=$(date +%s.%N)
  start_watchers "$dir"
  local deadline=$((SECONDS + PRES_SUBS / PRES_SUB_RATE + 60)) stuck_since=$SECONDS
  while :; do
    sleep 0.5
    est=$(counts_sum "$dir/watch" '_20[02]_Recv$')
    failed=$(stat_sum "$dir/watch" 'FailedCall(C)')
    [ $((est + failed)) -ge "$goal" ] && break
    watchers_alive || { echo "# $SETUP: presence: the watchers' SIPp exited early (see $dir/watch*/sipp.out)"; break; }
    [ "$est" != "$last_est" ] && { last_est=$est; stuck_since=$SECONDS; }
    [ $((SECONDS - stuck_since)) -gt 20 ] && { echo "# $SETUP: presence: no new subscription for 20 s; going on with $est"; break; }
    [ $SECONDS -gt $deadline ] && { echo "# $SETUP: presence: subscriptions not done in time; going on with $est"; break; }
  done
  t1=$(date +%s.%N); s1=$(server_ms); h1=$(host_ns)
  local unexp1
  unexp1=$(unexpected_in "$dir"/watch*/*_errors.log)
  sleep 3   # the last NOTIFYs answered, Kamailio's transactions gone
  read -r m1 m1b <<< "$(presence_memory after)"
  local status=""
  [ "$SETUP" != kamailio ] && status=$(status_of 1 | grep -o '"presence":{[^}]*}' | sed 's/^/ the grid: /')
  awk -v setup="$SETUP" -v est="$est" -v goal="$goal" -v failed="$failed" -v rate="$PRES_SUB_RATE" -v t0="$t0" -v t1="$t1" \
      -v s0="$s0" -v s1="$s1" -v h0="$h0" -v h1="$h1" -v m0="$m0" -v m1="$m1" -v b0="$m0b" -v b1="$m1b" -v unexp="$unexp1" \
      -v kam="$([ "$SETUP" = kamailio ] && echo 1 || echo 0)" -v status="$status" 'BEGIN {
    wall = t1 - t0; ach = est / wall
    cpu = (s1 - s0) / 1000 / wall * 100; per = est ? (s1 - s0) * 1000 / est : 0
    mem = est ? (m1 - m0) / est : 0; mem2 = est ? (b1 - b0) / est : 0
    what = kam ? sprintf("shm_used_per_sub=%.0fB pss_per_sub=%.0fB", mem, mem2) : sprintf("heap_per_sub=%.0fB heap_info_used_per_sub=%.0fB", mem, mem2)
    printf "PRESENCE %-15s subscribe subs=%d/%d failed=%d offered=%d/s achieved=%.0f/s wall=%.1fs unexpected=%d server_cpu=%.0f%% server_cpu_per_sub=%.0fus host_cpu=%.0f%% %s%s\n",
      setup, est, goal, failed, rate, ach, wall, unexp, cpu, per, (h1 - h0) / 1e7 / wall, what, status }' | tee "$dir/subscribe.txt"
  PRES[$SETUP.subs]=$est
  PRES[$SETUP.sub_rate]=$(grep -o 'achieved=[0-9]*' "$dir/subscribe.txt" | cut -d= -f2)
  PRES[$SETUP.sub_cpu]=$(grep -o 'server_cpu_per_sub=[0-9]*' "$dir/subscribe.txt" | cut -d= -f2)
  PRES[$SETUP.mem]=$(grep -oE '(shm_used|heap)_per_sub=-?[0-9]+' "$dir/subscribe.txt" | cut -d= -f2)

  measure_idle

  # ---- phase 2: PRES_PRESENTITIES presentities change state every PRES_PERIOD_MS for DUR seconds
  local changes=$(( DUR * 1000 / PRES_PERIOD_MS )) col n0 n1 rc since prev stable
  [ "$changes" -ge 1 ] || changes=1
  col=$(loop_notify_column "$dir/watch")
  n0=$(counts_sum "$dir/watch" "^${col}\$")
  since=$(date +%s%3N)
  s0=$(server_ms); h0=$(host_ns); t0=$(date +%s.%N)
  run_publishers "$dir" "$changes"; rc=$RC
  t1=$(date +%s.%N)
  # the NOTIFYs of the last changes: until the count stands still for 2 s (at most 15 s)
  prev=-1; stable=0
  for i in $(seq 30); do
    n1=$(counts_sum "$dir/watch" "^${col}\$")
    if [ "$n1" = "$prev" ]; then stable=$((stable + 1)); [ $stable -ge 4 ] && break; else stable=0; fi
    prev=$n1; sleep 0.5
  done
  s1=$(server_ms); h1=$(host_ns)
  local t2 pubs pub_failed pub_ok lat wfail
  t2=$(date +%s.%N)
  pubs=$(counts_sum "$dir/pub" '_200_Recv$')   # publications accepted: the initial ones and the modifications
  pub_failed=$(stat_sum "$dir/pub" 'FailedCall(C)')
  wfail=$(stat_sum "$dir/watch" 'FailedCall(C)')
  lat=$(latency_stats "$dir" "$since")
  local repeated
  repeated=$(repeated_notifies "$dir" "$since")
  local unexp2
  unexp2=$(unexpected_in "$dir"/pub*/*_errors.log)
  local status2=""
  [ "$SETUP" != kamailio ] && status2=$(for i in $(seq ${#NODE_PIDS[@]}); do status_of "$i" | grep -o '"presence":{[^}]*}' | sed "s/^/ node $i: /"; done | tr -d '\n')
  awk -v setup="$SETUP" -v p="$PRES_PRESENTITIES" -v changes="$changes" -v period="$PRES_PERIOD_MS" -v pubs="$pubs" -v pfail="$pub_failed" \
      -v n0="$n0" -v n1="$n1" -v est="$est" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v s0="$s0" -v s1="$s1" -v h0="$h0" -v h1="$h1" \
      -v idle="$IDLE_PCT" -v lat="$lat" -v rc="$rc" -v wfail="$wfail" -v sfail="$failed" -v status="$status2" -v unexp="$unexp2" -v wunexp="$(unexpected_in "$dir"/watch*/*_errors.log)" -v unexp1="$unexp1" -v repeated="$repeated" 'BEGIN {
    split(lat, l, " ")
    notifies = n1 - n0
    wpp = est / p                                      # watchers per presentity (subscriptions that exist)
    expected = pubs * wpp                              # every accepted publication changes the state once
    pubwall = t1 - t0; wall = t2 - t0
    rate = notifies / pubwall
    cpu = (s1 - s0) / 1000 / wall * 100
    per = notifies ? (s1 - s0) * 1000 / notifies : 0
    net = notifies ? ((s1 - s0) - idle / 100 * wall * 1000) * 1000 / notifies : 0
    printf "PRESENCE %-15s notify presentities=%d changes_offered=%d/s publications_ok=%d publish_failed=%d notifies=%d expected=%d (%.1f%%) repeated=%d notify_rate=%.0f/s latency_p50=%sms p99=%sms max=%sms (of %d) server_cpu=%.0f%% cpu_per_notify=%.0fus net_of_idle=%.0fus host_cpu=%.0f%% wall=%.1fs publisher_rc=%s publisher_unexpected=%d watcher_failures=%d watcher_unexpected=%d%s\n",
      setup, p, p * 1000 / period, pubs, pfail, notifies, expected, expected ? 100 * notifies / expected : 0, repeated, rate, l[1], l[2], l[3], l[4],
      cpu, per, net, (h1 - h0) / 1e7 / wall, pubwall, rc, unexp, wfail - sfail, wunexp - unexp1, status }' | tee "$dir/notify.txt"
  PRES[$SETUP.notify_rate]=$(grep -o 'notify_rate=[0-9]*' "$dir/notify.txt" | cut -d= -f2)
  PRES[$SETUP.notify_pct]=$(grep -o '([0-9.]*%)' "$dir/notify.txt" | head -1 | tr -d '()%')
  PRES[$SETUP.notify_cpu]=$(grep -o 'cpu_per_notify=[0-9]*' "$dir/notify.txt" | cut -d= -f2)
  PRES[$SETUP.notify_net]=$(grep -o 'net_of_idle=-\?[0-9]*' "$dir/notify.txt" | cut -d= -f2)
  PRES[$SETUP.p50]=$(grep -o 'latency_p50=[0-9.-]*' "$dir/notify.txt" | cut -d= -f2)
  PRES[$SETUP.p99]=$(grep -o ' p99=[0-9.-]*' "$dir/notify.txt" | cut -d= -f2)
  stop_watchers
  trim_logs "$dir"
}
presence_mem_words() {
  if [ "$SETUP" = kamailio ]; then
    awk -v a="$1" -v b="$2" 'BEGIN { printf "shm used %.1f MiB, PSS of all processes %.1f MiB", a / 2^20, b / 2^20 }'
  else
    awk -v a="$1" -v b="$2" 'BEGIN { printf "live heap %.1f MiB (heap_info used %.1f MiB)", a / 2^20, b / 2^20 }'
  fi
}

# The presence table of run.sh's summary, and the GridPBX / Kamailio ratios.
presence_summary() {
  local s
  echo
  echo "PRESENCE ${PRES_SUBS} subscriptions at ${PRES_SUB_RATE}/s, then ${PRES_PRESENTITIES} presentities changing every ${PRES_PERIOD_MS} ms for ${DUR} s"
  echo "         (memory: GridPBX live heap after full GC, summed over nodes; Kamailio shared memory in use (kamcmd core.shmmem))"
  printf '%-15s %8s %9s %11s %11s %10s %8s %13s %13s %9s %9s\n' setup subs sub_rate cpu_per_sub mem_per_sub notify/s notify% cpu_per_notify net_of_idle p50_ms p99_ms
  for s in "${SETUPS[@]}"; do
    printf '%-15s %8s %9s %11s %11s %10s %8s %13s %13s %9s %9s\n' "$s" "${PRES[$s.subs]:--}" "${PRES[$s.sub_rate]:+${PRES[$s.sub_rate]}/s}" \
      "${PRES[$s.sub_cpu]:+${PRES[$s.sub_cpu]}us}" "${PRES[$s.mem]:+${PRES[$s.mem]}B}" "${PRES[$s.notify_rate]:-}" "${PRES[$s.notify_pct]:-}" \
      "${PRES[$s.notify_cpu]:+${PRES[$s.notify_cpu]}us}" "${PRES[$s.notify_net]:+${PRES[$s.notify_net]}us}" "${PRES[$s.p50]:-}" "${PRES[$s.p99]:-}"
  done
  [ -n "${PRES[kamailio.subs]:-}" ] && [ ${#SETUPS[@]} -gt 1 ] || return 0
  echo "PRESENCE RATIOS GridPBX / Kamailio   rate: above 1 = GridPBX does more;  cpu, memory, latency: above 1 = GridPBX spends more"
  printf '%-15s %9s %11s %11s %10s %13s %13s %9s\n' setup sub_rate cpu_per_sub mem_per_sub notify/s cpu_per_notify net_of_idle p50
  for s in "${SETUPS[@]}"; do
    [ "$s" = kamailio ] && continue
    awk -v s="$s" -v a="${PRES[$s.sub_rate]:-0}" -v ka="${PRES[kamailio.sub_rate]:-0}" -v b="${PRES[$s.sub_cpu]:-0}" -v kb="${PRES[kamailio.sub_cpu]:-0}" \
        -v c="${PRES[$s.mem]:-0}" -v kc="${PRES[kamailio.mem]:-0}" -v d="${PRES[$s.notify_rate]:-0}" -v kd="${PRES[kamailio.notify_rate]:-0}" \
        -v e="${PRES[$s.notify_cpu]:-0}" -v ke="${PRES[kamailio.notify_cpu]:-0}" -v f="${PRES[$s.notify_net]:-0}" -v kf="${PRES[kamailio.notify_net]:-0}" \
        -v g="${PRES[$s.p50]:-0}" -v kg="${PRES[kamailio.p50]:-0}" '
      function r(x, y) { return (x > 0 && y > 0) ? sprintf("%.2f", x / y) : "-" }
      BEGIN { printf "%-15s %9s %11s %11s %10s %13s %13s %9s\n", s, r(a, ka), r(b, kb), r(c, kc), r(d, kd), r(e, ke), r(f, kf), r(g, kg) }'
  done
  echo "(after PRES_WARM_SECS=$PRES_WARM_SECS s of unmeasured fetches and changes; GridPBX's NOTIFY latency includes its 100 ms coalescing window; memory: see README)"
}
