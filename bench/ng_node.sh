#!/usr/bin/env bash
# Runs one GridPBX node in the foreground as an rtpengine-compatible relay: its ng port on
# 127.0.0.1:$NG_PORT (argument 1, default 2223), RTP ports 30000-40000, every other port free and
# chosen here, its own data directory under /tmp, alone in its own cluster. exec's the JVM, so the
# caller's PID is the node's (anchors/rtpengine/run.sh kills exactly that PID).
#   bench/ng_node.sh 2223            # what bench/media.sh passes as RELAY_CMD
# Env: GRIDPBX_JAR (default: grid-node/target/...-exec.jar), NODE_HEAP (default 512m), NG_NODE_ARGS (extra --props).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NG_PORT=${1:-${NG_PORT:-2223}}
JAR=${GRIDPBX_JAR:-$ROOT/grid-node/target/gridpbx-grid-node-0.1.0-SNAPSHOT-exec.jar}
# The JDK 25 the launcher would pick: GRIDPBX_JAVA_HOME, JAVA_HOME, then /usr/lib/jvm/*25*.
JAVA=""
for c in "${GRIDPBX_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
  [ -n "$c" ] && [ -x "$c/bin/java" ] && "$c/bin/java" -version 2>&1 | grep -q 'version "2[5-9]' && { JAVA="$c/bin/java"; break; }
done
[ -n "$JAVA" ] || { echo "ng_node: no JDK 25 (set GRIDPBX_JAVA_HOME, or install one under /usr/lib/jvm)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "ng_node: no node jar at $JAR (./mvnw -o -q -pl grid-node -am package -Dmaven.test.skip=true)" >&2; exit 2; }
# The launcher's JVM flags, asked of it so that they stay in step.
mapfile -t JVM_FLAGS < <("$ROOT/gridpbx" jvm-flags)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
DATA=$(mktemp -d /tmp/gridpbx-ng-node.XXXXXX)
exec "$JAVA" "${JVM_FLAGS[@]}" -Xms"${NODE_HEAP:-512m}" -Xmx"${NODE_HEAP:-512m}" -jar "$JAR" \
  --gridpbx.data-dir="$DATA" --gridpbx.sip.host=127.0.0.1 --gridpbx.sip.port="$(free_port)" \
  --gridpbx.sip.tls-port=0 --server.port="$(free_port)" --gridpbx.dns.port=0 \
  --gridpbx.cluster.port="$(free_port)" --gridpbx.cluster.name="ng-bench-$$" \
  --gridpbx.media.ng-port="$NG_PORT" --gridpbx.media.ports=30000-40000 --gridpbx.media.advertised-host=127.0.0.1 \
  ${NG_NODE_ARGS:-}
