#!/usr/bin/env bash
# Issue 10 section 7: Kamailio 5.6 with its rtpengine module drives a GridPBX node over loopback.
# Starts a node (bench/ng_node.sh, ng on $NG_PORT), Kamailio with scenarios/ng_kamailio.cfg
# (rtpengine_manage() on INVITE, on the 200 and on BYE, $rtpstat logged before the delete), a SIPp
# UAS with -rtp_echo and a SIPp UAC that plays G.711 from a pcap; then checks:
#   1. the INVITE the UAS got and the 200 the UAC got carry SDP naming the node's relay (127.0.0.1,
#      an m= port in 30000-40000, not the phone's own);
#   2. RTP flowed through the relay: Kamailio's $rtpstat (an ng query answered by the node) counts packets;
#   3. the BYE deleted the call on the node (an ng query for it answers "Unknown call-id").
# Prints PASS or FAIL (exit 0/1). Every process it starts is stopped by its PID.
#   bench/ng_kamailio.sh        # ~40 s, most of it the node's start
# Env: NG_PORT [22291] KAM_PORT [5082] UAS_PORT [5092] UAC_PORT [5093] OUT [/tmp/gridpbx-ng-kamailio/<time>]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
NG_PORT=${NG_PORT:-22291}; KAM_PORT=${KAM_PORT:-5082}; UAS_PORT=${UAS_PORT:-5092}; UAC_PORT=${UAC_PORT:-5093}
OUT=${OUT:-/tmp/gridpbx-ng-kamailio/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
NODE_PID=""; KAM_PID=""; UAS_PID=""
cleanup() {
  for p in $UAS_PID $KAM_PID $NODE_PID; do kill "$p" 2>/dev/null; done
  for p in $UAS_PID $KAM_PID $NODE_PID; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null
  done
}
trap cleanup EXIT INT TERM
fail() { echo "FAIL: $*"; echo "# logs in $OUT"; exit 1; }
[ -f /usr/lib/x86_64-linux-gnu/kamailio/modules/rtpengine.so ] \
  || fail "no rtpengine module for Kamailio (apt-get install -y kamailio-extra-modules)"
for p in $NG_PORT $KAM_PORT $UAS_PORT $UAC_PORT 16000 17000; do
  ss -lun | awk '{print $4}' | grep -q "[:.]$p\$" && fail "UDP port $p in use; set NG_PORT/KAM_PORT/UAS_PORT/UAC_PORT"
done

# A minimal ng client: ng COOKIE 'bencoded dict' prints the reply's body.
ng() { python3 - "$NG_PORT" "$1" "$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1.0)
s.sendto((sys.argv[2] + " " + sys.argv[3]).encode("latin-1"), ("127.0.0.1", int(sys.argv[1])))
try:
    print(s.recv(65536).decode("latin-1").split(" ", 1)[1])
except OSError:
    print("")
PY
}

echo "# starting a GridPBX node (ng 127.0.0.1:$NG_PORT), logs in $OUT"
"$HERE/ng_node.sh" "$NG_PORT" > "$OUT/node.log" 2>&1 &
NODE_PID=$!
for i in $(seq 90); do
  [ "$(ng "ping_$i" 'd7:command4:pinge')" = "d6:result4:ponge" ] && break
  kill -0 "$NODE_PID" 2>/dev/null || fail "the node exited: $(tail -5 "$OUT/node.log")"
  sleep 1
done
[ "$(ng ping_last 'd7:command4:pinge')" = "d6:result4:ponge" ] || fail "the node does not answer ng ping"
for _ in $(seq 60); do grep -q "Started GridPbxApplication" "$OUT/node.log" && break; sleep 1; done

sed -e "s/@@SIP_PORT@@/$KAM_PORT/" -e "s/@@NG_PORT@@/$NG_PORT/" -e "s/@@UAS_PORT@@/$UAS_PORT/" \
  "$HERE/scenarios/ng_kamailio.cfg" > "$OUT/kamailio.cfg"
kamailio -f "$OUT/kamailio.cfg" -DD -E -m 64 -M 8 -w "$OUT" > "$OUT/kamailio.log" 2>&1 &
KAM_PID=$!
sleep 2
kill -0 "$KAM_PID" 2>/dev/null || fail "Kamailio exited: $(tail -5 "$OUT/kamailio.log")"

cd "$OUT"
sipp -sf "$HERE/scenarios/ng_uas.xml" -i 127.0.0.1 -p "$UAS_PORT" -mi 127.0.0.1 -mp 17000 -rtp_echo -m 1 \
  -nostdin -trace_msg -message_file "$OUT/uas_messages.log" -trace_err -error_file "$OUT/uas_errors.log" \
  > "$OUT/uas.out" 2>&1 &
UAS_PID=$!
sleep 1
timeout 40 sipp 127.0.0.1:"$KAM_PORT" -sf "$HERE/scenarios/ng_uac.xml" -i 127.0.0.1 -p "$UAC_PORT" \
  -mi 127.0.0.1 -mp 16000 -m 1 -nostdin -timeout 30 -trace_msg -message_file "$OUT/uac_messages.log" \
  -trace_err -error_file "$OUT/uac_errors.log" > "$OUT/uac.out" 2>&1
UAC_RC=$?
sleep 1

ok=1
echo "# SIPp UAC exit code $UAC_RC (0: the call completed)"
[ "$UAC_RC" = 0 ] || ok=0
# 1. SDP as forwarded by Kamailio
sdp_port() { awk -v what="$2" '$0 ~ what {f=1} f && /^m=audio/ {print $2; exit}' "$1"; }
INVITE_PORT=$(sdp_port "$OUT/uas_messages.log" "^INVITE ")
OK_PORT=$(sdp_port "$OUT/uac_messages.log" "^SIP/2.0 200 OK")
INVITE_C=$(awk '/^INVITE /{f=1} f && /^c=/{print; exit}' "$OUT/uas_messages.log" | tr -d '\r')
echo "# INVITE at the UAS: $INVITE_C, m=audio $INVITE_PORT (the UAC announced 16000)"
echo "# 200 OK at the UAC: m=audio $OK_PORT (the UAS announced 17000)"
in_relay() { [ -n "$1" ] && [ "$1" -ge 30000 ] && [ "$1" -le 40000 ]; }
in_relay "$INVITE_PORT" && [ "$INVITE_C" = "c=IN IP4 127.0.0.1" ] || { echo "# the INVITE's SDP does not name the relay"; ok=0; }
in_relay "$OK_PORT" || { echo "# the 200's SDP does not name the relay"; ok=0; }
# 2. RTP through the relay, as the node answered Kamailio's query
STAT=$(grep -o "NGCHECK.*" "$OUT/kamailio.log" | head -1)
echo "# Kamailio on BYE: $STAT"
PACKETS=$(echo "$STAT" | sed -n 's/.*RTP: [0-9]* bytes, \([0-9]*\) packets.*/\1/p')
[ -n "$PACKETS" ] && [ "$PACKETS" -gt 0 ] || { echo "# no RTP counted by the relay"; ok=0; }
# 3. the call is gone from the node
CALL_ID=$(awk '/^Call-ID:/ {print $2; exit}' "$OUT/uas_messages.log" | tr -d '\r')
Q=$(ng q1 "d7:command5:query7:call-id${#CALL_ID}:${CALL_ID}e")
echo "# ng query for $CALL_ID after the BYE: $Q"
case "$Q" in *"Unknown call-id"*) ;; *) echo "# the call is still on the node"; ok=0 ;; esac
grep -i "error" "$OUT/kamailio.log" | grep -i rtpengine | head -3
if [ $ok = 1 ]; then echo "PASS: Kamailio 5.6 (rtpengine module) relayed a SIPp call's RTP through the GridPBX node's ng port"; exit 0; fi
fail "see above"
