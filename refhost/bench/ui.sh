#!/usr/bin/env bash
# Recruiter UI (issue 5), headless Chromium: time from an inbound SMS webhook to its bubble in the
# open chat, p50/p99 over REPLIES replies (default 50), beside the webhook call's own answer time;
# and the panel opening with its chat list for a recruiter with CONVERSATIONS (default 500) chats.
# Needs the host built (mvn -q install -DskipTests && mvn -q -f refhost test-compile) and Debian's
# chromium + chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
CP="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
java -Drefhost.felix.dir=target/felix -cp "$CP" com.example.ats.refhost.bench.UiLatencyBench "${REPLIES:-50}" 2>/dev/null \
  | grep -E "^inbound"
java -Drefhost.felix.dir=target/felix -cp "$CP" com.example.ats.refhost.bench.PanelOpenBench "${CONVERSATIONS:-500}" 2>/dev/null \
  | grep -E "^panel"
