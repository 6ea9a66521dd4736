#!/bin/sh
# Chooses the component to run; the rest of the arguments go to it.
set -e
component="${1:-management-api}"
[ "$#" -gt 0 ] && shift
case "$component" in
  management-api|rooms-api|worker) exec node tools/scripts/run.mjs "apps/$component/src/main.ts" "$@" ;;
  kube-sim) exec node tools/scripts/run.mjs tools/kube-sim/src/main.ts --host 0.0.0.0 "$@" ;;
  migrate) exec node tools/scripts/run.mjs libs/storage/src/postgres/migrate.cli.ts "$@" ;;
  *) echo "unknown component $component (management-api, rooms-api, worker, kube-sim, migrate)" >&2; exit 2 ;;
esac
