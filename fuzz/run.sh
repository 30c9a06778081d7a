#!/usr/bin/env bash
# The mutation harness: corrupts the captures in ../shared/captures the ways real files break, runs every engine
# (and the CLI) over them, prints per engine the files and frames tried, crashes, hangs and frames lost versus
# tshark, and exits 1 when any of those is non-zero. Options: `fuzz/run.sh --help`. Run from anywhere.
#   fuzz/run.sh [--engines native,pcap4j,kaitai,tshark] [--frames N|native=N,tshark=M] [--seed S] [--captures DIR]
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/fuzz/target/pcapkit-fuzz.jar"

# The feature version of a java binary (25 for "25.0.1"), or 0 when it does not run; as in ./pcapkit.
java_feature() {
  local v="" home
  home="$(dirname "$(dirname "$(readlink -f "$1")")")"
  if [ -f "$home/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n 1)"
  fi
  if [ -z "$v" ]; then
    v="$("$1" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\).*/\1/p' | head -n 1)"
  fi
  echo "${v:-0}"
}

find_java() {
  local j
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_feature "$JAVA_HOME/bin/java")" -ge 25 ]; then
    echo "$JAVA_HOME/bin/java"; return 0
  fi
  for j in /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] || continue
    if [ "$(java_feature "$j")" -ge 25 ]; then echo "$j"; return 0; fi
  done
  if command -v java >/dev/null 2>&1 && [ "$(java_feature "$(command -v java)")" -ge 25 ]; then
    command -v java; return 0
  fi
  return 1
}

if ! java="$(find_java)"; then
  echo "fuzz: no Java 25 or newer found (JAVA_HOME, /usr/lib/jvm/*, PATH)" >&2
  exit 2
fi

# Rebuild when the jar is missing or any pom.xml or source is newer than it.
if [ ! -f "$jar" ] || [ -n "$(find "$root"/pom.xml "$root"/*/pom.xml "$root"/*/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  echo "fuzz: building $jar ..." >&2
  (cd "$root" && mvn -q -B -o -pl fuzz -am package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep -v -e 'warning: use' -e '^$' -e 'ksy' >&2) || true
  [ -f "$jar" ] || { echo "fuzz: build failed" >&2; exit 2; }
fi

cd "$root"
exec "$java" --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xmx2g -jar "$jar" "$@"
