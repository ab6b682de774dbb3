#!/usr/bin/env bash
# Load test: the public site under gunicorn against PostgreSQL with 100k incidents, driven by wrk.
#
#   bash bench/load.sh            (or: make load)
#
# From a clean clone: creates the virtualenv if needed, creates and migrates the PostgreSQL database
# $LOAD_DB (default marsad_load), generates the synthetic incidents with `manage.py bench_public`
# (once; re-runs reuse them), collects static files, starts gunicorn on 127.0.0.1:$LOAD_PORT with
# production settings, runs wrk for $DURATION on each page and prints `name value unit` lines:
# requests/s, p50/p99 latency and the count of non-2xx responses. gunicorn is stopped on exit.
# It is a benchmark, not a test: nothing fails on slow figures.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
LOAD_DB=${LOAD_DB:-marsad_load}
LOAD_PORT=${LOAD_PORT:-8077}
INCIDENTS=${INCIDENTS:-100000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-4}            # gunicorn sync workers (2-4 for 2 cores)
GUNICORN_CPUS=${GUNICORN_CPUS:-}  # e.g. "0,1" pins gunicorn to two cores with taskset
BASE="http://127.0.0.1:${LOAD_PORT}"
WORK=$(mktemp -d /tmp/marsad-load.XXXXXX)

say() { echo "== $*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
fi
[ -x "$PY" ] || make venv >&2

pg_isready -q || { echo "PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }
if ! psql -Atqc "select 1" "$LOAD_DB" >/dev/null 2>&1; then
  say "creating database $LOAD_DB"
  createdb "$LOAD_DB"
fi

export DATABASE_URL="postgres://${PGUSER}@${PGHOST}:${PGPORT}/${LOAD_DB}"
export DEBUG=0 LOG_LEVEL=WARNING LOG_FORMAT=json
export DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-600}  # persistent connections for the whole run
export SECRET_KEY=${SECRET_KEY:-load-test-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_COOKIES=0 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0  # plain HTTP on the loopback
export STATIC_ROOT=${STATIC_ROOT:-$PWD/staticfiles}
unset MARSAD_TESTING TASKS_IMMEDIATE REDIS_URL

# LOAD_READ_ONLY=1 drives a database someone else keeps (e.g. a shared million): no migration, no
# generated rows, no ANALYZE; it must already hold the incidents.
LOAD_READ_ONLY=${LOAD_READ_ONLY:-0}
if [ "$LOAD_READ_ONLY" != 1 ]; then
  say "migrating $LOAD_DB"
  "$PY" manage.py migrate --noinput -v0
fi
say "collectstatic"  # before bench_public, which renders pages with the hashed static names
"$PY" manage.py collectstatic --noinput -v0
have=$(psql -Atqc "select count(*) from incidents_incident where code like '%-B%'" "$LOAD_DB")
if [ "$have" -lt "$INCIDENTS" ] && [ "$LOAD_READ_ONLY" != 1 ]; then
  say "generating $((INCIDENTS - have)) synthetic incidents (bench_public; a few minutes for 100k)"
  # bench_public also times a few pages through Django's test client (host "testserver").
  ALLOWED_HOSTS=127.0.0.1,localhost,testserver "$PY" manage.py bench_public --incidents "$INCIDENTS" --repeat 1 --export-rows 100 >"$WORK/bench_public.txt"
fi
[ "$LOAD_READ_ONLY" = 1 ] || psql -Atqc "analyze" "$LOAD_DB" >/dev/null
published=$(psql -Atqc "select count(*) from incidents_incident where status = 'published'" "$LOAD_DB")

PIN=()
[ -n "$GUNICORN_CPUS" ] && PIN=(taskset -c "$GUNICORN_CPUS")
say "starting gunicorn ($WORKERS workers) on $BASE"
"${PIN[@]}" .venv/bin/gunicorn config.wsgi:application --config "${GUNICORN_CONFIG:-config/gunicorn.py}" --bind "127.0.0.1:${LOAD_PORT}" --workers "$WORKERS" \
  --worker-class sync --max-requests 0 --timeout 60 --graceful-timeout 5 --log-level warning \
  --error-logfile "$WORK/gunicorn.log" --pid "$WORK/gunicorn.pid" &
GUNICORN=$!
cleanup() {
  kill "$GUNICORN" 2>/dev/null || true
  wait "$GUNICORN" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 60); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$BASE/healthz" >/dev/null || { cat "$WORK/gunicorn.log" >&2; echo "gunicorn did not start" >&2; exit 1; }

# Rotating URLs: nearly every filter combination is a new URL, so the cache would help little; each
# page is driven through at least 1,000 distinct addresses (filters × pages, search terms × filters,
# incident codes, API filters × pages), in a shuffled order.
psql -Atqc "select code from incidents_incident where status = 'published' order by random() limit 2000" "$LOAD_DB" >"$WORK/codes.txt"
"$PY" bench/urls.py "$WORK" <"$WORK/codes.txt"

cat >"$WORK/report.lua" <<'LUA'
-- Requests the paths of the file given after "--" in turn (each thread from its own offset), counts
-- non-2xx responses across wrk threads and prints one machine-readable line.
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7919)
  table.insert(threads, thread)
end
function init(args)
  non2xx = 0
  paths = {}
  for line in io.lines(args[1]) do table.insert(paths, line) end
  index = offset % #paths
end
function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), bad, e.connect + e.read + e.write + e.timeout))
end
LUA

# CPU seconds used by a set of processes (utime + stime from /proc), to report CPU per request: unlike
# requests/s it does not depend on what else the machine is running.
TICKS=$(getconf CLK_TCK)
cpu_snapshot() {  # "pid ticks" per live process
  local pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && echo "$pid $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat" 2>/dev/null)"
  done
  return 0
}
cpu_delta() {  # ticks spent between two snapshots; processes born in between count from zero
  awk 'NR == FNR { before[$1] = $2; next } { total += $2 - (($1 in before) ? before[$1] : 0) } END { print total + 0 }' "$1" "$2"
}
app_pids() { echo "$GUNICORN" $(pgrep -P "$GUNICORN"); }
db_pids() { psql -Atqc "select pid from pg_stat_activity where datname = '$LOAD_DB' and pid <> pg_backend_pid()" "$LOAD_DB"; }

echo "load_loadavg_before $(cut -d' ' -f1 /proc/loadavg) count"
echo "load_incidents_published $published count"
echo "load_workers $WORKERS count"
echo "load_cpus $(nproc) count"
run() {
  local name=$1 urls=$WORK/urls_$1.txt
  # Warm up each worker (first request loads templates and the search vocabulary) on other URLs than the measured ones' start.
  for path in $(tail -n $((WORKERS * 2)) "$urls"); do curl -fsS -o /dev/null "$BASE$path" || true; done
  local line
  cpu_snapshot $(app_pids) >"$WORK/app0"
  cpu_snapshot $(db_pids) >"$WORK/db0"
  line=$(wrk --threads "$THREADS" --connections "$CONNECTIONS" --duration "$DURATION" --timeout 10s \
    --script "$WORK/report.lua" "$BASE/" -- "$urls" | grep '^RESULT')
  read -r _ requests duration_us p50_us p99_us non2xx socket_errors <<<"$line"
  cpu_snapshot $(app_pids) >"$WORK/app1"
  cpu_snapshot $(db_pids) >"$WORK/db1"
  local app_cpu db_cpu
  app_cpu=$(cpu_delta "$WORK/app0" "$WORK/app1")
  db_cpu=$(cpu_delta "$WORK/db0" "$WORK/db1")
  awk -v n="$name" -v r="$requests" -v d="$duration_us" -v p50="$p50_us" -v p99="$p99_us" -v bad="$non2xx" -v se="$socket_errors" \
    -v app="$app_cpu" -v db="$db_cpu" -v hz="$TICKS" 'BEGIN {
    printf "load_%s_rps %.1f req/s\n", n, r / (d / 1e6)
    printf "load_%s_p50 %.1f ms\n", n, p50 / 1000
    printf "load_%s_p99 %.1f ms\n", n, p99 / 1000
    printf "load_%s_non2xx %d count\n", n, bad
    printf "load_%s_socket_errors %d count\n", n, se
    printf "load_%s_requests %d count\n", n, r
    if (r > 0) {
      app_ms = app / hz * 1000 / r; db_ms = db / hz * 1000 / r
      printf "load_%s_app_cpu %.1f ms/request\n", n, app_ms
      printf "load_%s_db_cpu %.1f ms/request\n", n, db_ms
      if (app_ms + db_ms > 0) printf "load_%s_capacity_2_cores %.0f req/s\n", n, 2000 / (app_ms + db_ms)
    }
  }'
}

echo "load_distinct_urls_list $(wc -l <"$WORK/urls_list.txt") count"
echo "load_distinct_urls_search $(wc -l <"$WORK/urls_search.txt") count"
echo "load_distinct_urls_incident $(wc -l <"$WORK/urls_incident.txt") count"
echo "load_distinct_urls_api $(wc -l <"$WORK/urls_api.txt") count"
run list
run search
run incident
run api
echo "load_loadavg_after $(cut -d' ' -f1 /proc/loadavg) count"
if [ -s "$WORK/gunicorn.log" ]; then
  say "gunicorn errors:"
  grep -v '^\s*$' "$WORK/gunicorn.log" | tail -20 >&2
fi
