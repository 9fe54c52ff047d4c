#!/usr/bin/env bash
# What a large catalog costs the desktop, without a server: scanning the sidecars, reading the job
# history, and computing the dashboard's numbers.
#
#   bench/catalog.sh [backups] [rounds]
#
# Generates a catalog of made-up backups (default 10,000) with their history once, in a folder kept
# between runs, then times each step `rounds` times (default 7) and prints medians against the
# targets: the catalog read in under a second, the dashboard's numbers in under 100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKUPS=${1:-10000}
ROUNDS=${2:-7}
FOLDER=${TMPDIR:-/tmp}/backupdesk-bench-catalog-$BACKUPS
./mvnw -q test-compile
CLASSPATH_FILE=$(mktemp)
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$CLASSPATH_FILE")" io.backupdesk.testing.CatalogBench \
  "$FOLDER" "$BACKUPS" "$ROUNDS"
