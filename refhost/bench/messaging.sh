#!/usr/bin/env bash
# Messaging core at scale (issue 3): fills RECRUITERS recruiters, CONVERSATIONS conversations and
# CONVERSATIONS x PER_CONVERSATION messages, starts the host (-Xmx512m) on them and prints p50/p99
# of GET /unread, the conversation list and a 50-message history page with 20 concurrent clients (wrk),
# beside a baseline (a static file on the same Jetty), plus the host's heap.
#   usage: refhost/bench/messaging.sh h2|postgresql
# Needs the host built (mvn -q install -DskipTests && mvn -q -f refhost test-compile) and wrk
# (Debian package wrk; a C load generator, so the client does not eat the host's two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}
RECRUITERS=${RECRUITERS:-1000}
CONVERSATIONS=${CONVERSATIONS:-100000}
PER_CONVERSATION=${PER_CONVERSATION:-100}
CLIENTS=${CLIENTS:-20}
PORT=${PORT:-18081}
CP="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
DATA=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

case "$DB" in
  h2) URL="jdbc:h2:file:$DATA/ats"; USER=sa; PASS=; ARGS=() ;;
  postgresql)
    SCHEMA="bench_$(date +%s)"
    psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $SCHEMA"
    URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA"; USER=postgres; PASS=
    ARGS=(--db-url "$URL" --db-user postgres --db-password "")
    trap 'cleanup; psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA $SCHEMA CASCADE"' EXIT ;;
  *) echo "usage: $0 h2|postgresql" >&2; exit 2 ;;
esac

start_host() {
  java -Xmx512m -Drefhost.felix.dir=target/felix -cp "$CP" com.example.ats.refhost.Main \
    --port "$PORT" --data-dir "$DATA" "${ARGS[@]}" > "$DATA/host.log" 2>&1 &
  PID=$!
  until curl -s -o /dev/null -u alice:alice "http://127.0.0.1:$PORT/rest/messaging/1.0/unread"; do sleep 0.2; done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u alice:alice "http://127.0.0.1:$PORT/rest/messaging/1.0/unread")" = 200 ]; do sleep 0.2; done
}

echo "== $DB: schema (first start) =="
start_host; kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
echo "== $DB: generating $RECRUITERS recruiters, $CONVERSATIONS conversations, $((CONVERSATIONS * PER_CONVERSATION)) messages =="
java -cp "$CP" com.example.ats.refhost.bench.DataGenerator "$URL" "$USER" "$PASS" "$RECRUITERS" "$CONVERSATIONS" "$PER_CONVERSATION"
echo "== $DB: load =="
start_host
PER=$((CONVERSATIONS / RECRUITERS))
BASE="http://127.0.0.1:$PORT"
load() { wrk -t2 -c"$CLIENTS" -d"$1" -s bench/api.lua "$BASE" -- "$2" "$RECRUITERS" "$PER"; }
echo "warming up (${WARMUP:-20}s per kind, so the JIT has compiled the hot paths) ..."
for kind in baseline unread list history; do load "${WARMUP:-20}s" "$kind" > /dev/null; done
echo "measuring: $CLIENTS concurrent clients, ${DURATION:-20}s per kind, closed loop"
for kind in baseline unread list history; do printf '%-9s ' "$kind"; load "${DURATION:-20}s" "$kind" | tail -1; done
jcmd "$PID" GC.heap_info | grep -E "heap|used" | head -2
echo "host RSS: $(ps -o rss= -p "$PID" | awk '{printf "%d MB", $1/1024}')"
