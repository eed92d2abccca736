#!/usr/bin/env bash
# Issue 10 benchmark: GridPBX's media relay side by side with rtpengine (userspace, --table=-1), both
# driven over the ng protocol by the same load tool (../shared/anchors/rtpengine: run.sh, rtpload,
# compare.sh), one after the other on this box, all on 127.0.0.1.
# GridPBX runs as a real node: RELAY_CMD is bench/ng_node.sh (the launcher's JVM flags, its own data dir
# under /tmp, ng on $NG_PORT, RTP ports 30000-40000, in the foreground).
# Prints, per relay and as the GridPBX/rtpengine ratio:
#   - flood: the most packets/s (total of both directions, 1 call) relayed with < 0.1 % loss;
#   - streams: the most concurrent 50-pps G.711 streams relayed with < 0.1 % loss (tool kept up);
#   - p50/p99 added latency at 200 streams;
#   - relay CPU µs per relayed packet at 200 and 1,000 streams.
#   QUICK=1 bench/media.sh      # ~6 min: levels 2/200/1000 streams, 3-s trials, one repeat
#   bench/media.sh              # ~30 min: run.sh's full levels, REPEATS=2
# Env: NG_PORT [2223] OUT [/tmp/gridpbx-media-bench/<time>] ANCHOR [../shared/anchors/rtpengine]
#      RELAYS ["rtpengine gridpbx"]; QUICK, REPEATS, LEVELS, DUR... go through to run.sh.
# Build the node first (never while this runs): ./mvnw -B -o -q -pl grid-node -am package -Dmaven.test.skip=true
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ANCHOR=${ANCHOR:-$(cd "$ROOT/../shared/anchors/rtpengine" 2>/dev/null && pwd || echo /work/shared/anchors/rtpengine)}
NG_PORT=${NG_PORT:-2223}
OUT=${OUT:-/tmp/gridpbx-media-bench/$(date +%Y%m%d-%H%M%S)}
RELAYS=${RELAYS:-"rtpengine gridpbx"}
mkdir -p "$OUT"
[ -x "$ANCHOR/run.sh" ] || { echo "no anchor at $ANCHOR"; exit 2; }
if ! [ -x /usr/bin/rtpengine ]; then
  [ "$(id -u)" = 0 ] && apt-get install -y rtpengine-daemon > "$OUT/apt.log" 2>&1 \
    || { echo "rtpengine missing (apt-get install -y rtpengine-daemon)"; exit 2; }
fi
[ -f "$ROOT/grid-node/target/gridpbx-grid-node-0.1.0-SNAPSHOT-exec.jar" ] || { echo "build the node jar first"; exit 2; }

for relay in $RELAYS; do
  echo "#### $relay"
  if [ "$relay" = gridpbx ]; then
    RELAY_NAME=gridpbx RELAY_CMD="$HERE/ng_node.sh $NG_PORT" OUT="$OUT/gridpbx" NG_PORT=$NG_PORT "$ANCHOR/run.sh"
  else
    RELAY_NAME=rtpengine OUT="$OUT/rtpengine" NG_PORT=$NG_PORT "$ANCHOR/run.sh"
  fi | tee "$OUT/$relay.out" | grep -E "^(ANCHOR|SWEEP|# relay pid|relay=.*IDLE)"
done

[ -f "$OUT/rtpengine/results.txt" ] && [ -f "$OUT/gridpbx/results.txt" ] || { echo "# one run is missing: no comparison"; exit 1; }
echo
echo "==== compare.sh (anchor rtpengine, candidate gridpbx) ===="
"$ANCHOR/compare.sh" "$OUT/rtpengine/results.txt" "$OUT/gridpbx/results.txt" | tee "$OUT/compare.txt"
echo
echo "==== issue 10 figures (best of the repeats) ===="
gawk '
function kv(k,   i, a) { for (i = 1; i <= NF; i++) { split($i, a, "="); if (a[1] == k) return a[2] } return "" }
FNR == 1 { f++ }
/ RESULT / && kv("label") ~ /^streams_/ {
  s = kv("streams") + 0
  ok = (kv("loss_pct") + 0 < 0.1) && (kv("sent_pps") + 0 >= 0.99 * kv("offered_pps"))
  if (ok && s > maxs[f]) maxs[f] = s
  if (s == 200) { m(p50, f, kv("lat_p50_us") + 0); m(p99, f, kv("lat_p99_us") + 0); m(cpu200, f, kv("relay_cpu_us_per_fwd_pkt") + 0) }
  if (s == 1000) m(cpu1000, f, kv("relay_cpu_us_per_fwd_pkt") + 0)
}
/ SWEEP / && kv("label") ~ /^sweep_rep/ { v = kv("max_ok_total_pps") + 0; if (v > flood[f]) flood[f] = v }
function m(arr, i, v) { if (!(i in arr) || v < arr[i]) arr[i] = v }
function row(name, arr, fmt) { printf "%-36s %12" fmt " %12" fmt " %8.2f\n", name, arr[1], arr[2], (arr[1] ? arr[2] / arr[1] : 0) }
END {
  printf "%-36s %12s %12s %8s\n", "", "rtpengine", "gridpbx", "ratio"
  row("flood max total pps, loss < 0.1%", flood, "d")
  row("50-pps streams, loss < 0.1%", maxs, "d")
  row("p50 added latency at 200 streams us", p50, "d")
  row("p99 added latency at 200 streams us", p99, "d")
  row("relay CPU us/pkt at 200 streams", cpu200, ".2f")
  row("relay CPU us/pkt at 1000 streams", cpu1000, ".2f")
}' "$OUT/rtpengine/results.txt" "$OUT/gridpbx/results.txt" | tee "$OUT/figures.txt"
for r in rtpengine gridpbx; do
  echo "# $r: $(grep -c 'Too many packets' "$OUT/$r/relay.log" 2>/dev/null) 'Too many packets' lines in its log (rtpengine's wedge)"
done
echo "# everything in $OUT"
