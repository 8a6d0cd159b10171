#!/usr/bin/env bash
#
# Copyright 2026 The Galerly Authors
# SPDX-License-Identifier: Apache-2.0
#
# Builds the reactor twice from clean and compares every jar it produced (classes, -sources, -javadoc, shaded)
# byte for byte. The jars are reproducible because the root pom sets project.build.outputTimestamp.
#
#   scripts/check-reproducible.sh            # builds online
#   scripts/check-reproducible.sh -o         # extra arguments go to both Maven runs (offline here)
#
# Exit status 0 when every jar is identical; 1 with the differing jars (and their differing entries) listed.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

collect() {
  # the jars of each module's target/ (not target/lib/, which holds third-party copies)
  find . -path ./tools -prune -o -path '*/target/*.jar' -print \
    | grep -E '/target/[^/]+\.jar$' | sort
}

for run in 1 2; do
  echo "build $run: ./mvnw -B -q $* clean package -DskipTests"
  ./mvnw -B -q "$@" clean package -DskipTests
  mkdir -p "$work/$run"
  collect | while read -r jar; do
    mkdir -p "$work/$run/$(dirname "$jar")"
    cp "$jar" "$work/$run/$jar"
  done
done

status=0
count=0
while read -r jar; do
  count=$((count + 1))
  if [ ! -f "$work/2/$jar" ]; then
    echo "MISSING in build 2: $jar"; status=1
  elif ! cmp -s "$work/1/$jar" "$work/2/$jar"; then
    echo "DIFFERS: $jar"; status=1
    diff <(unzip -lv "$work/1/$jar" | awk '{print $7, $8}') <(unzip -lv "$work/2/$jar" | awk '{print $7, $8}') \
      | head -20 || true
  fi
done < <(cd "$work/1" && find . -name '*.jar' | sort)

if [ "$count" -eq 0 ]; then
  echo "no jars were built"; exit 1
fi
if [ "$status" -eq 0 ]; then
  echo "reproducible: $count jars byte-identical across two clean builds"
fi
exit "$status"
