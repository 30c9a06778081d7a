#!/usr/bin/env bash
# The whole-process benchmark: builds the benchmark capture, runs pcapkit and its peers alternately, prints the
# table and the ratios against the targets. Options: see `bench/run.sh --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/harness.py "$@"
