#!/usr/bin/env bash
# Channels (issue 4): outbox throughput (SMS to the Twilio stand-in, email to the sandbox SMTP) and
# the inbound SMS webhook's latency at a fixed rate, each beside a baseline from the same run.
# Runs the host on PostgreSQL (the benchmark queues messages with one INSERT while the host runs).
#   usage: refhost/bench/channels.sh    (COUNT=5000 RATE=500 DURATION=20 WHAT="sms email webhook" by default)
# Needs the host built (mvn -q install -DskipTests && mvn -q -f refhost test-compile) and PostgreSQL
# at 127.0.0.1:5432 (user postgres, database test).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-5000}
RATE=${RATE:-500}
DURATION=${DURATION:-20}
PORT=${PORT:-18082}
SMTP=${SMTP:-13025}
IMAP=${IMAP:-13143}
CP="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
DATA=$(mktemp -d)
SCHEMA="bench_channels_$(date +%s)"
URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA"
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$DATA"
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE"
}
trap cleanup EXIT
psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $SCHEMA"

java -Xmx512m ${HOST_JAVA_OPTS:-} -Drefhost.felix.dir=target/felix -cp "$CP" com.example.ats.refhost.Main --port "$PORT" \
  --smtp-port "$SMTP" --imap-port "$IMAP" --data-dir "$DATA" --db-url "$URL" --db-user postgres --db-password "" \
  > "$DATA/host.log" 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u alice:alice "http://127.0.0.1:$PORT/rest/messaging/1.0/unread")" = 200 ]; do sleep 0.2; done

bench() { java -cp "$CP" com.example.ats.refhost.bench.ChannelsBench "http://127.0.0.1:$PORT" "$URL" 127.0.0.1 "$SMTP" "$@"; }
WHAT=${WHAT:-sms email webhook}
echo "== warm-up =="
for what in $WHAT; do
  # Long enough for the JIT: this stack (Jersey, Hibernate, the Twilio SDK) takes minutes of load to compile on 2 cores.
  case "$what" in webhook) bench webhook "$((RATE / 2))" "${WARMUP:-60}" > /dev/null ;; *) bench "$what" "$((COUNT / 2))" > /dev/null ;; esac
done
echo "== measuring =="
for what in $WHAT; do
  case "$what" in webhook) bench webhook "$RATE" "$DURATION" ;; *) bench "$what" "$COUNT" ;; esac
done
if [[ " $WHAT " == *" webhook "* ]]; then
  echo "== throughput, closed loop (wrk, 2 threads, 32 connections, ${DURATION}s) =="
  java -cp "$CP" com.example.ats.refhost.bench.SignedWebhooks "http://127.0.0.1:$PORT" 100000 500 "$DATA/requests.lua"
  for kind in baseline forged webhook; do
    printf '%-9s ' "$kind"
    wrk -t2 -c32 -d"${DURATION}s" -s bench/webhook.lua "http://127.0.0.1:$PORT" -- "$kind" "$DATA/requests.lua" \
      | awk '/Non-2xx/ {bad = $5} /Requests\/sec/ {rate = $2} END {printf "%s req/s%s", rate, bad ? " (" bad " answered non-2xx, as meant for forged)" : ""}'
    echo
  done
fi
echo "host RSS: $(ps -o rss= -p "$PID" | awk '{printf "%d MB", $1/1024}')"
