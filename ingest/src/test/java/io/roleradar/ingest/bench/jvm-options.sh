#!/usr/bin/env bash
# Ingest's CPU under different JVM options (BENCHMARKS.md, "Ingest: the JVM it runs in"): one
# 50,000-posting run (five files of the load harness's generated postings) into a fresh topic with
# a fresh state folder, for each set of options in turn, ROUNDS times, so every variant sees the
# same load. CPU (user + system) and wall from /usr/bin/time, JVM start included.
#
#   mvn -B -q -o -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/app-cp.txt -Dmdep.includeScope=test
#   java -Xmx512m -cp app/target/test-classes:app/target/classes:$(cat /tmp/app-cp.txt) \
#     io.roleradar.app.bench.PipelineLoadBenchmark 50000 /tmp/load/p50k 50000     # writes the sources
#   ingest/src/test/java/io/roleradar/ingest/bench/jvm-options.sh /tmp/load/p50k/sources [ROUNDS]
set -euo pipefail
sources="$1"
rounds="${2:-3}"
cd "$(dirname "$0")/../../../../../../../.."
cp="ingest/target/classes:$(cat /tmp/app-cp.txt)"
work="$(mktemp -d)"
trap 'kill "$broker" 2>/dev/null || true; rm -rf "$work"' EXIT
java -cp "broker/target/classes:$(cat /tmp/app-cp.txt)" io.roleradar.broker.BrokerCommand --port 0 --heap 1g >"$work/broker.log" 2>&1 &
broker=$!
until servers="$(grep -so 'KAFKA_BOOTSTRAP_SERVERS=[0-9.:]*' "$work/broker.log" | cut -d= -f2)" && [[ -n "$servers" ]]; do sleep 1; done
files=()
for f in "$sources"/part-0000[0-4].jsonl; do files+=(--source "$f"); done
later_c2="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
i=0
for round in $(seq "$rounds"); do
  for options in "-XX:+UseG1GC" "-XX:+UseParallelGC" "-XX:+UseSerialGC" "-XX:+UseSerialGC $later_c2" "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"; do
    i=$((i + 1))
    load="$(cut -d' ' -f1 /proc/loadavg)"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%U %S %e" -o "$work/time" java -Xmx256m $options -cp "$cp" io.roleradar.ingest.IngestMain run "${files[@]}" \
      --bootstrap-servers "$servers" --topic-raw "jvm.raw$i" \
      --state-dir "$work/state$i" -q >"$work/ingest.log" 2>&1 || { tail -5 "$work/ingest.log"; exit 1; }
    read -r user sys wall <"$work/time"
    printf '%-60s CPU %5.1f s  wall %5.1f s  load %s\n' "$options" "$(echo "$user + $sys" | bc)" "$wall" "$load"
  done
done
