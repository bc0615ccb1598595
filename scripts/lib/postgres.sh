# Starts a throwaway PostgreSQL 15 server on 127.0.0.1 (free port, its own data directory in a
# temp dir, as the `postgres` user when run as root) and exports CHATBOT_TEST_DATABASE_URL.
# Usage: source it, then `start_throwaway_postgres`; the server stops when the shell exits.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

_as_postgres_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_throwaway_postgres() {
  if [ -n "${_PG_DIR:-}" ] && [ -d "$_PG_DIR" ]; then
    _as_postgres_user "$PG_BIN/pg_ctl" -D "$_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$_PG_DIR"
  fi
}

start_throwaway_postgres() {
  _PG_DIR=$(mktemp -d /tmp/chatbot-pg.XXXXXX)
  trap stop_throwaway_postgres EXIT
  chmod 755 "$_PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$_PG_DIR"; fi
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  _as_postgres_user "$PG_BIN/initdb" -D "$_PG_DIR/data" -U postgres -A trust --no-sync >"$_PG_DIR/initdb.log" 2>&1 \
    || { cat "$_PG_DIR/initdb.log" >&2; return 1; }
  _as_postgres_user "$PG_BIN/pg_ctl" -D "$_PG_DIR/data" -l "$_PG_DIR/server.log" -w \
    -o "-p $port -k $_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null \
    || { cat "$_PG_DIR/server.log" >&2; return 1; }
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres chatbot_test
  export CHATBOT_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/chatbot_test"
  echo "PostgreSQL 15 test server at $CHATBOT_TEST_DATABASE_URL" >&2
}
