#!/bin/sh
# Chooses the component to run; the rest of the arguments go to it.
set -e
component="${1:-management-api}"
[ "$#" -gt 0 ] && shift
# The compiled components (npx nx run-many -t build) under the image's /app/dist.
dist="${MAESTRO_APP_DIR:-/app}/dist"
# exec: node replaces this shell, so it is the container's main process and gets its signals.
case "$component" in
  management-api|rooms-api|worker) exec node "$dist/apps/$component/main.js" "$@" ;;
  kube-sim) exec node "$dist/tools/kube-sim/main.js" --host 0.0.0.0 "$@" ;;
  migrate) exec node "$dist/libs/storage/migrate.js" "$@" ;;
  *) echo "unknown component $component (management-api, rooms-api, worker, kube-sim, migrate)" >&2; exit 2 ;;
esac
