#!/bin/sh
# Chooses the component to run; the rest of the arguments go to it.
set -e
component="${1:-management-api}"
[ "$#" -gt 0 ] && shift
# node runs the TypeScript sources itself (-r register.cjs): it is the container's main process and gets its signals.
run="node -r ./tools/scripts/register.cjs"
case "$component" in
  management-api|rooms-api|worker) exec $run "apps/$component/src/main.ts" "$@" ;;
  kube-sim) exec $run tools/kube-sim/src/main.ts --host 0.0.0.0 "$@" ;;
  migrate) exec $run libs/storage/src/postgres/migrate.cli.ts "$@" ;;
  *) echo "unknown component $component (management-api, rooms-api, worker, kube-sim, migrate)" >&2; exit 2 ;;
esac
