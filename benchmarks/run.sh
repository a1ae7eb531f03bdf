#!/usr/bin/env bash
# Runs the performance benchmarks and writes docs/performance.md:
#   1. call overhead (JMH): phinite vs hand-written java.net.http, Retrofit, Feign, one local server;
#      plus a paired, interleaved cross-check of the ratios;
#   2. argument path without network (JMH);
#   3. catalog load in fresh JVMs (real tools, synthetic 5,000 subtools; default and AppCDS);
#   4. javac cost with and without the processor at 100, 1,000 and 5,000 subtools;
#   5. hosted runtime: threads, fds and heap per open connection at 1,000 and 10,000 tenants, and
#      throughput with 1,000 calls in flight, also with the common pool's parallelism at 2
#      (results in target/results; figures in findings.md).
# About 13 minutes on 2 cores after the Maven build; QUICK=1 for a shorter smoke run. OFFLINE=1 passes -o to Maven.
# The benchmarks module is built only here (profile bench), never by `mvn verify` or CI.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=$ROOT/benchmarks
RESULTS=$BENCH/target/results
WORK=$BENCH/target/work
QUICK=${QUICK:-0}
MVN_FLAGS=(-q -B -ntp)
[ "${OFFLINE:-0}" = 1 ] && MVN_FLAGS+=(-o)

if [ "$QUICK" = 1 ]; then
  CALL=(-wi 3 -w 1s -i 3 -r 1s); CALL_DESC="3 warm-up × 1 s, 3 measurement × 1 s"
  ARGS=(-wi 2 -w 1s -i 3 -r 1s); ARGS_DESC="2 warm-up × 1 s, 3 measurement × 1 s"
  PAIRED=(10 100 3000); CATALOG_RUNS=3; BUILD_WARMUPS=1; BUILD_REPS=1
else
  CALL=(-wi 6 -w 1s -i 6 -r 1s); CALL_DESC="6 warm-up × 1 s, 6 measurement × 1 s"
  ARGS=(-wi 2 -w 1s -i 4 -r 1s); ARGS_DESC="2 warm-up × 1 s, 4 measurement × 1 s"
  PAIRED=(20 150 8000); CATALOG_RUNS=10; BUILD_WARMUPS=1; BUILD_REPS=3
fi

echo "== build (mvn -Pbench package: the project and the benchmarks module)"
mvn "${MVN_FLAGS[@]}" -Pbench -DskipTests -pl benchmarks -am package

rm -rf "$RESULTS" "$WORK"
mkdir -p "$RESULTS" "$WORK"
CP="$BENCH/target/classes:$(cat "$BENCH/target/classpath/all.txt")"
JAVA=${JAVA:-java}
START=$(date +%s)

{
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "os: $(uname -sr)"
  "$JAVA" -version 2>&1 | sed 's/^/java: /'
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RESULTS/machine.txt"
date -u +"%Y-%m-%d %H:%M UTC" > "$RESULTS/date.txt"

echo "== 1a. equivalence check (same requests, which bad arguments are refused)"
"$JAVA" -cp "$CP" ai.phinite.tools.benchmarks.call.Equivalence "$RESULTS"

echo "== 1b. call overhead (JMH)"
JMH=(org.openjdk.jmh.Main -f 1 -prof gc -jvmArgsAppend "-Dbench.out=$RESULTS" -foe true)
"$JAVA" -cp "$CP" "${JMH[@]}" 'CallBenchmark' "${CALL[@]}" \
  -p variant=phinite,handWritten,handWrittenValidated,retrofit,feign \
  -rf json -rff "$RESULTS/jmh-call.json" | tee "$RESULTS/jmh-call.txt" | grep -E '^(CallBenchmark|# Run progress)' || true
"$JAVA" -cp "$CP" "${JMH[@]}" 'CallBenchmark.getCustomer' "${CALL[@]}" -p variant=phiniteOkHttp \
  -rf json -rff "$RESULTS/jmh-call-extra.json" | tee "$RESULTS/jmh-call-extra.txt" | grep -E '^(CallBenchmark|# Run progress)' || true

echo "== 1c. paired, interleaved cross-check of the ratios"
"$JAVA" -cp "$CP" ai.phinite.tools.benchmarks.call.Paired "$RESULTS" "${PAIRED[@]}" > "$RESULTS/paired.txt"

echo "== 2. argument path (JMH)"
"$JAVA" -cp "$CP" "${JMH[@]}" 'ArgumentBenchmark' "${ARGS[@]}" \
  -rf json -rff "$RESULTS/jmh-args.json" | tee "$RESULTS/jmh-args.txt" | grep -E '^(ArgumentBenchmark|# Run progress)' || true

echo "== 3. catalog load (fresh JVMs)"
"$JAVA" -cp "$CP" ai.phinite.tools.benchmarks.catalog.CatalogLoad "$WORK" "$RESULTS" \
  "$BENCH/target/classpath/catalog.txt" "$BENCH/target/classpath/compile.txt" \
  "$BENCH/target/classpath/processor.txt" "$CATALOG_RUNS" 5000 > "$RESULTS/catalog.txt"

echo "== 4. build cost (javac with and without the processor)"
"$JAVA" -Xmx4g -cp "$CP" ai.phinite.tools.benchmarks.build.BuildCost "$WORK" "$RESULTS" \
  "$BENCH/target/classpath/compile.txt" "$BENCH/target/classpath/processor.txt" \
  100,1000,5000 "$BUILD_WARMUPS" "$BUILD_REPS" | tee "$RESULTS/build.txt"

echo "== 5. hosted runtime: tenants (fresh JVM per N) and 1,000 calls in flight"
for n in 1000 10000; do
  "$JAVA" -cp "$CP" ai.phinite.tools.benchmarks.hosted.Tenants "$n"
done | tee "$RESULTS/tenants.txt"
"$JAVA" -cp "$CP" ai.phinite.tools.benchmarks.hosted.Concurrency 1000 5000 3 | tee "$RESULTS/concurrency.txt"
# the same with the common pool in use: on JDK 17 with 2 CPUs or fewer, CompletableFuture's
# default executor (where sendAsync hands every answer) otherwise starts a thread per task
"$JAVA" -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
  ai.phinite.tools.benchmarks.hosted.Concurrency 1000 5000 3 | tee "$RESULTS/concurrency-parallelism2.txt"

END=$(date +%s)
cat > "$RESULTS/settings.md" <<SETTINGS
Settings: JMH ${JMH_VERSION:-1.37}, 1 fork per benchmark and variant, \`-prof gc\`; call overhead: ${CALL_DESC}
(µs/call, average time); argument path: ${ARGS_DESC} (ns/call); paired cross-check: ${PAIRED[2]} warm-up calls per
variant, ${PAIRED[0]} rounds × ${PAIRED[1]} calls; catalog load: ${CATALOG_RUNS} fresh JVMs per row (after one untimed run);
build cost: ${BUILD_WARMUPS} untimed + ${BUILD_REPS} timed rounds per size. Default JVM flags everywhere
(the JMH forks and the catalog JVMs get no -Xmx, GC or JIT options). Whole run: $(( (END - START) / 60 )) min $(( (END - START) % 60 )) s
after the Maven build$( [ "$QUICK" = 1 ] && echo " (QUICK=1: short settings, numbers are indicative only)").
SETTINGS
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"

"$JAVA" -cp "$CP" ai.phinite.tools.benchmarks.report.Report "$RESULTS" "$ROOT/docs/performance.md" "$BENCH/findings.md"
