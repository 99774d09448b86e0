#!/usr/bin/env bash
# Start-up of the packaged Quarkus application (target/quarkus-app) with the AI4CALL extension and 4 routes in use
# (3 producers + the analyticsCallsOutbound feed consumer; the run-once route of QuarkusLogsIT stays idle), pointed at a standalone simulator through the
# AI4CALL_* environment variables. Prints Quarkus's "started in" figure of each run and the wall time until
# that line appeared. Usage: measure-startup.sh [runs] (after: mvn -B -o -f connector/camel-quarkus-ai4call/pom.xml install -DskipTests)
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
app=$here/target/quarkus-app/quarkus-run.jar
sim=${SIMULATOR_JAR:-$HOME/.m2/repository/io/github/camel-ai4call/camel-ai4call-simulator/0.1.0-SNAPSHOT/camel-ai4call-simulator-0.1.0-SNAPSHOT-standalone.jar}
port=${SIMULATOR_PORT:-18089}
[ -f "$app" ] || { echo "no $app: build the module first" >&2; exit 1; }
java -jar "$sim" --port "$port" > "$here/target/simulator.log" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
export AI4CALL_BASE_URL=http://127.0.0.1:$port AI4CALL_EMAIL=demo@ai4call.local \
       AI4CALL_PORTAL_API_KEY=portal_demo_key_123456789 APP_FEED_ENABLED=true QUARKUS_HTTP_PORT=0
for i in $(seq "$runs"); do
  log=$here/target/startup-$i.log
  : > "$log"
  start=$(date +%s%N)
  java -jar "$app" > "$log" 2>&1 &
  pid=$!
  while ! grep -q 'started in' "$log"; do
    kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.02
  done
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  kill $pid; wait $pid 2>/dev/null || true
  echo "run $i: $(grep -o 'started in [0-9.]*s' "$log") (wall until that line: ${wall} ms)"
done
