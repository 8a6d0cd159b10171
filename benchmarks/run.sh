#!/usr/bin/env bash
# Copyright 2026 The Galerly Authors
# SPDX-License-Identifier: Apache-2.0
#
# Galerly's performance suite: builds the shaded JMH jar and the CLI, generates the photo fixtures, runs the imaging
# benchmarks (Galerly and its Java peers side by side in one JMH run), the real-world variants of the 24 MP photo
# (progressive, ICC-tagged, 4:4:4, rotated, PNG; and the WebP ladder), the first render in a fresh JVM primed as
# the SnapStart hook does and unprimed, fresh processes of the `galerly` launcher against sharp's fresh node
# process, optionally sharp on the same files, and prints the results tables with the ratios to Thumbnailator and
# sharp and the goals met or not.
#
#   benchmarks/run.sh [--quick|--full|--cold] [--sharp] [--java JAVA_HOME] [--source FILE] [--gc] [--no-build]
#
#   --quick        (default) short warm-up and measurement, imaging tasks only, imgscalr left out: about 10 minutes
#   --full         JMH's annotated iterations, -prof gc, the handler and signing benchmarks, memory checks
#   --cold         only the fresh processes (cold.txt: the galerly launcher, the bare jar and sharp, nine each,
#                  interleaved) and their medians; implies --sharp: about a minute
#   --sharp        also run sharp (npm) on the same files, installed into benchmarks/node/ on first use;
#                  skipped with a note when node or npm is missing
#   --java HOME    run the JVM side on another JDK (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)
#   --source FILE  measure a real photo instead of the generated 24 MP one (ladder and thumbnail tasks)
#   --gc           add JMH's -prof gc (allocation per operation) to a quick run
#   --no-build     use the jar already in benchmarks/target
#
# Results go to benchmarks/results/<date>-<java>/: jmh*.json, sharp.jsonl, cold.txt, memory.txt, env.txt and
# table.md. The machine's load average goes into env.txt before and after each part: compare ratios of one run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
profile=quick
run_sharp=false
java_home="${JAVA_HOME:-}"
source=""
gc=false
build=true
sharp_version=0.35.5

while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) profile=quick ;;
    --full) profile=full; gc=true ;;
    --cold) profile=cold; run_sharp=true ;;
    --sharp) run_sharp=true ;;
    --java) java_home="$2"; shift ;;
    --source) source="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    --gc) gc=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '4,22p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

java="java"
if [[ -n "$java_home" ]]; then
  java="$java_home/bin/java"
  [[ -x "$java" ]] || { echo "run.sh: no java at $java" >&2; exit 2; }
fi
jar="$here/target/benchmarks.jar"
fixtures="$here/target/fixtures"

if $build; then
  echo "== building the benchmark jar"
  (cd "$root" && ./mvnw -q -B -pl benchmarks,galerly-cli -am package -DskipTests -Dmaven.javadoc.skip=true)
fi
[[ -f "$jar" ]] || { echo "run.sh: $jar is missing (run without --no-build)" >&2; exit 2; }

jdk="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.vendor =|java.runtime.version =/ {print $2}' | tr ' \n' '-_' | sed 's/_$//')"
out="$here/results/$(date +%Y%m%d-%H%M%S)-${jdk:-java}"
mkdir -p "$out"
echo "== results in $out"

load() { uptime | sed 's/.*load average: //'; }
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "profile: $profile"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB"}')"
  echo "java: $("$java" -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "load average before: $(load)"
} > "$out/env.txt"

echo "== fixtures"
"$java" -cp "$jar" com.galerly.benchmarks.PhotoFixtures "$fixtures" > "$out/fixtures.txt"
photo24="$fixtures/photo-6000x4000-q90.jpg"
photo720="$fixtures/photo-2725x2225-q90.jpg"
photo100="$fixtures/photo-12000x8334-q90.jpg"
ladder_file="${source:-$photo24}"
variants=(progressive adobe-rgb display-p3 srgb-icc 444 orientation-6 png)
sample="$root/examples/lambda/src/main/resources/com/galerly/examples/lambda/priming-sample.jpg"

# fresh processes, one 24 MP ladder each, everyone on its defaults (threads included): the galerly launcher (its
# class-data archive written by an untimed first render), the CLI jar started bare, sharp in a new node process
cold_start() {
  echo "== cold start: fresh processes, one 24 MP ladder each (load average $(load))"
  local cold_dir launcher_env=()
  cold_dir="$(mktemp -d)"
  [[ -n "$java_home" ]] && launcher_env=(JAVA_HOME="$java_home")
  env "${launcher_env[@]}" "$root/galerly" render --out "$cold_dir/train" "$ladder_file" > /dev/null
  : > "$out/cold.txt"
  for i in 1 2 3 4 5 6 7 8 9; do               # nine each: medians of fewer moved by 10-15% between runs
    TIMEFORMAT="galerly %R %U %S"
    { time env "${launcher_env[@]}" "$root/galerly" render --out "$cold_dir/g$i" "$ladder_file" > /dev/null 2>&1 ; } 2>> "$out/cold.txt"
    TIMEFORMAT="java-jar %R %U %S"
    { time "$java" -jar "$root/galerly-cli/target/galerly-cli.jar" render --out "$cold_dir/j$i" "$ladder_file" > /dev/null 2>&1 ; } 2>> "$out/cold.txt"
    TIMEFORMAT="sharp %R %U %S"
    { time NODE_PATH="$here/node/node_modules" node "$here/sharp/bench.js" ladder "$ladder_file" 0 0 > /dev/null 2>&1 ; } 2>> "$out/cold.txt"
  done
  rm -rf "$cold_dir"
  cat "$out/cold.txt"
  echo "load average after the cold starts: $(load)" >> "$out/env.txt"
}

install_sharp() {
  if [[ ! -d "$here/node/node_modules/sharp" ]]; then
    echo "== installing sharp $sharp_version into $here/node"
    npm install --silent --no-audit --no-fund --prefix "$here/node" "sharp@$sharp_version" > /dev/null
  fi
}

# Writes table.md from the JMH results $1 (comma-separated) and whatever sharp/memory/cold/CPU files exist, and prints it.
print_table() {
  "$java" -cp "$jar" com.galerly.benchmarks.ResultsTable "$1" "$out/sharp.jsonl" "$out/memory.txt" "$out/cold.txt" \
    "$out/galerly-cpu.jsonl" > "$out/table.md"
  echo
  cat "$out/env.txt"
  echo
  cat "$out/table.md"
  echo
  echo "== written to $out"
}

if [[ "$profile" == cold ]]; then
  command -v node > /dev/null && command -v npm > /dev/null || { echo "run.sh: --cold needs node and npm" >&2; exit 2; }
  install_sharp
  cold_start
  echo '[]' > "$out/jmh.json"                   # no JMH part: the table has only the fresh processes
  print_table "$out/jmh.json"
  exit 0
fi

jmh_args=(-rf json -rff "$out/jmh.json" -jvmArgsPrepend "-Dgalerly.fixtures=$fixtures")
short=()
forks=()
if [[ "$profile" == quick ]]; then
  short=(-wi 2 -w 2s -i 3 -r 2s)
  forks=(-f 3)
  jmh_args+=("${short[@]}" -p implementation=galerly,galerly-2t,thumbnailator-file,thumbnailator-decoded,java2d-bicubic)
  pattern='(RenditionLadder|Resize720)Benchmark'
else
  pattern='(RenditionLadder|Resize720|RenditionHandler|CloudFrontSigning)Benchmark'
fi
$gc && jmh_args+=(-prof gc)
sources="generated:6000x4000"
for v in "${variants[@]}"; do sources="$sources,generated:6000x4000-$v"; done

echo "== JMH ($profile): $pattern"
# each benchmark has its own default photo (the 720 task: 2725x2225); --source replaces them all
[[ -n "$source" ]] && jmh_args+=(-p source="$source")
"$java" -jar "$jar" "$pattern" "${jmh_args[@]}" 2>&1 | tee "$out/jmh.log" \
  | grep -E '^(Benchmark|Rendition|Resize|CloudFront)|# Run progress' || true
if ! grep -q '"benchmark"' "$out/jmh.json" 2>/dev/null; then
  echo "run.sh: JMH wrote no results (see $out/jmh.log)" >&2
  exit 1
fi
echo "load average after JMH: $(load)" >> "$out/env.txt"

# the real-world variants and the WebP ladder (galerly on one thread; sharp on the same files below), then the first
# render in fresh JVMs, primed and not
[[ -n "$source" ]] && sources="$source"
echo "== JMH: the ladder on the 24 MP photo's variants, and as WebP"
"$java" -jar "$jar" 'VariantsBenchmark.ladder' -rf json -rff "$out/jmh-variants.json" \
  -jvmArgsPrepend "-Dgalerly.fixtures=$fixtures" "${short[@]}" -p source="$sources" 2>&1 | tee "$out/jmh-variants.log" \
  | grep -E '^(Benchmark|Variants)|# Run progress' || true
"$java" -jar "$jar" 'VariantsBenchmark.webp' -rf json -rff "$out/jmh-webp.json" \
  -jvmArgsPrepend "-Dgalerly.fixtures=$fixtures" "${short[@]}" -p source="${source:-generated:6000x4000}" 2>&1 \
  | tee "$out/jmh-webp.log" | grep -E '^(Benchmark|Variants)|# Run progress' || true
echo "== JMH: the first render in a fresh JVM, primed as the SnapStart hook does and unprimed"
"$java" -jar "$jar" 'FirstRenderBenchmark' -rf json -rff "$out/jmh-first.json" "${forks[@]}" \
  -jvmArgsPrepend "-Dgalerly.fixtures=$fixtures -Dgalerly.primingSample=$sample" 2>&1 | tee "$out/jmh-first.log" \
  | grep -E '^(Benchmark|FirstRender)|# Run progress' || true
echo "load average after the variants and first renders: $(load)" >> "$out/env.txt"

if $run_sharp; then
  if command -v node > /dev/null && command -v npm > /dev/null; then
    install_sharp
    seconds=5
    [[ "$profile" == full ]] && seconds=15
    echo "== sharp (load average $(load))"
    : > "$out/sharp.jsonl"
    for task in ladder thumbnail resize720 ladder-webp; do
      file="$ladder_file"
      [[ "$task" == resize720 ]] && file="${source:-$photo720}"
      NODE_PATH="$here/node/node_modules" node "$here/sharp/bench.js" "$task" "$file" 1 "$seconds" | tee -a "$out/sharp.jsonl"
    done
    NODE_PATH="$here/node/node_modules" node "$here/sharp/bench.js" ladder "$ladder_file" 2 "$seconds" | tee -a "$out/sharp.jsonl"
    if [[ -z "$source" ]]; then
      for v in "${variants[@]}"; do
        file="$fixtures/photo-6000x4000-$v.jpg"
        [[ "$v" == png ]] && file="$fixtures/photo-6000x4000-png.png"
        NODE_PATH="$here/node/node_modules" node "$here/sharp/bench.js" ladder "$file" 1 "$seconds" | tee -a "$out/sharp.jsonl"
      done
    fi
    echo "load average after sharp: $(load)" >> "$out/env.txt"

    # galerly's CPU time per ladder on the same files (sharp's is in its lines): the ratio that holds under load
    echo "== galerly: CPU time per ladder, one thread (load average $(load))"
    : > "$out/galerly-cpu.jsonl"
    cpu_seconds=3
    [[ "$profile" == full ]] && cpu_seconds=10
    cpu_files=("$ladder_file")
    if [[ -z "$source" ]]; then
      for v in "${variants[@]}"; do
        file="$fixtures/photo-6000x4000-$v.jpg"
        [[ "$v" == png ]] && file="$fixtures/photo-6000x4000-png.png"
        cpu_files+=("$file")
      done
    fi
    for file in "${cpu_files[@]}"; do
      "$java" -Xms3g -Xmx3g -Djava.awt.headless=true -cp "$jar" com.galerly.benchmarks.CpuTime ladder "$file" "$cpu_seconds" \
        | tee -a "$out/galerly-cpu.jsonl"
    done
    "$java" -Xms3g -Xmx3g -Djava.awt.headless=true -cp "$jar" com.galerly.benchmarks.CpuTime ladder-webp "$ladder_file" \
      "$cpu_seconds" | tee -a "$out/galerly-cpu.jsonl"

    cold_start
  else
    echo "== sharp skipped: node and npm are needed for --sharp" | tee -a "$out/env.txt"
  fi
fi

if [[ "$profile" == full ]]; then
  echo "== memory: the standard ladder in a bounded heap"
  timer=()
  [[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f "maxrss %M KB")
  # one line per render: "<implementation> <photo> -Xmx<heap>: ok <ms> <bytes> maxrss <KB> KB" or "...: failed <error>"
  render_once() {
    printf '%-22s %s -Xmx%s: ' "$1" "$2" "$3"
    "${timer[@]}" "$java" "-Xmx$3" -Djava.awt.headless=true -cp "$jar" com.galerly.benchmarks.RenderOnce "$1" "$4" 2>&1 \
      | grep -v '^Command exited' | tr '\n' ' ' || true
    echo
  }
  {
    for heap in 256m 128m; do
      for impl in galerly thumbnailator-file thumbnailator-decoded imgscalr java2d-bicubic; do
        render_once "$impl" "24 MP" "$heap" "$ladder_file"
      done
    done
    render_once galerly "100 MP" 1g "$photo100"
  } | tee "$out/memory.txt"
fi

jsons="$out/jmh.json"
for part in variants webp first; do
  [[ -s "$out/jmh-$part.json" ]] && jsons="$jsons,$out/jmh-$part.json"
done
print_table "$jsons"
