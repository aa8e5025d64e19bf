#!/usr/bin/env bash
# Start-up figures of the reference host with the messaging plugin (issue 2's targets):
#   - cold start: JVM launch to the first page (GET /login = 200), on an empty data folder
#     (first start: schema + demo data) and on a filled one (restart);
#   - plugin bundle start to its REST module answering (disable + enable through /admin/plugins);
#   - used heap after start (after a full GC).
# Prints medians over RUNS runs. Needs the host built: mvn -q install -DskipTests && mvn -q -f refhost package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"
CP="target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)"
DATA=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start_host() {
  java -Xmx512m -Drefhost.felix.dir=target/felix -cp "$CP" com.example.ats.refhost.Main \
    --port "$PORT" --data-dir "$1" > "$1.log" 2>&1 &
  PID=$!
}
wait_page() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")" = 200 ]; do sleep 0.01; done
}

declare -a first restart bundle heap
for i in $(seq 1 "$RUNS"); do
  rm -rf "$DATA/run"; mkdir -p "$DATA/run"
  t0=$(now_ms); start_host "$DATA/run"; wait_page; first+=($(( $(now_ms) - t0 )))
  kill $PID; wait $PID 2>/dev/null || true
  t0=$(now_ms); start_host "$DATA/run"; wait_page; restart+=($(( $(now_ms) - t0 )))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u alice:alice "$BASE/rest/messaging/1.0/unread")" = 200 ]; do sleep 0.01; done
  jcmd $PID GC.run > /dev/null
  used_kb=$(jcmd $PID GC.heap_info | awk '/garbage-first heap/ {for (f=1; f<=NF; f++) if ($f=="used") {gsub("K,?","",$(f+1)); print $(f+1)}}')
  heap+=($(( used_kb / 1024 )))
  # Plugin bundle stop/start through the admin page, timed to the REST module answering again.
  jar=$(mktemp); curl -s -c "$jar" -b "$jar" "$BASE/login" > "$jar.html"
  token=$(grep -o 'name="csrf" value="[^"]*"' "$jar.html" | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "csrf=$token&username=admin&password=admin" "$BASE/login"
  page=$(curl -s -b "$jar" "$BASE/admin/plugins")
  csrf=$(echo "$page" | grep -o 'name="ats-csrf-token" content="[^"]*"' | sed 's/.*content="//;s/"$//')
  id=$(echo "$page" | grep -A12 'data-plugin-row="com.example.ats.messaging"' | grep -o 'name="bundleId" value="[0-9]*"' | grep -o '[0-9]*')
  curl -s -b "$jar" -o /dev/null -d "csrf=$csrf&bundleId=$id&action=disable" "$BASE/admin/plugins"
  t0=$(now_ms)
  curl -s -b "$jar" -o /dev/null -d "csrf=$csrf&bundleId=$id&action=enable" "$BASE/admin/plugins"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u alice:alice "$BASE/rest/messaging/1.0/unread")" = 200 ]; do sleep 0.005; done
  bundle+=($(( $(now_ms) - t0 )))
  rm -f "$jar" "$jar.html"
  kill $PID; wait $PID 2>/dev/null || true
done

echo "runs: $RUNS (2 cores: $(nproc) cores here)"
echo "cold start to first page, empty data (ms):   ${first[*]}  median $(printf '%s\n' "${first[@]}" | median)"
echo "cold start to first page, restart (ms):      ${restart[*]}  median $(printf '%s\n' "${restart[@]}" | median)"
echo "plugin bundle start to REST answering (ms):  ${bundle[*]}  median $(printf '%s\n' "${bundle[@]}" | median)"
echo "used heap after start and full GC (MB):      ${heap[*]}  median $(printf '%s\n' "${heap[@]}" | median)"
echo "targets: first page < 5000 ms, bundle start to REST < 3000 ms, heap < 256 MB"
