#!/usr/bin/env bash
# Runs `npm start` as the README says, on a fresh data directory: waits until it serves, signs in as a demo
# account, stops it with SIGTERM and checks nothing (server or PostgreSQL) is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d /tmp/tongban-smoke-XXXXXX)
chmod 755 "$data"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
log="$data/start.log"
DATA_DIR="$data" PORT="$port" npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM "$pid" 2>/dev/null || true; }
trap cleanup EXIT
for i in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; cat "$log"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { echo "server not ready after 240 s"; cat "$log"; exit 1; }
grep -q "Tongban@2026" "$log" || { echo "demo accounts were not printed"; cat "$log"; exit 1; }
curl -fsS -o /dev/null -H 'content-type: application/json' -d '{"username":"citizen","password":"Tongban@2026"}' "http://127.0.0.1:$port/api/v1/auth/login"
curl -fsS -H 'accept: text/html' "http://127.0.0.1:$port/" | grep -qi '<div id="root"' || { echo "web app not served"; exit 1; }
kill -TERM "$pid"
for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
trap - EXIT
if kill -0 "$pid" 2>/dev/null; then echo "server still running 20 s after SIGTERM"; exit 1; fi
if pgrep -f "$data" >/dev/null; then echo "processes left behind:"; pgrep -af "$data"; exit 1; fi
rm -rf "$data"
echo "smoke: npm start served, signed in, and stopped cleanly"
