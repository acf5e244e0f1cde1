#!/usr/bin/env bash
# ENT Keycloak Pack: the demo launcher. Run ./start.sh --help for the options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KC_VERSION="$(sed -n 's:.*<keycloak.server.version>\(.*\)</keycloak.server.version>.*:\1:p' "$ROOT/pom.xml")"
WORK="$ROOT/demo/target"
KC_HOME="$WORK/server/keycloak-$KC_VERSION"
GREENMAIL_JAR="$WORK/greenmail/greenmail-standalone.jar"
RUN_DIR="$WORK/run"
LOG_DIR="$WORK/logs"
DEMO_DATA="$WORK/demo-data"
BUILD_STAMP="$WORK/.built"

HTTP_PORT="${ENT_HTTP_PORT:-8080}"
MANAGEMENT_PORT="${ENT_MANAGEMENT_PORT:-9000}"
ADMIN_USER="${ENT_ADMIN_USER:-admin}"
ADMIN_PASSWORD="${ENT_ADMIN_PASSWORD:-admin}"
SMTP_PORT="${ENT_SMTP_PORT:-3025}"
MAIL_API_PORT="${ENT_MAIL_API_PORT:-8025}"
START_TIMEOUT="${ENT_START_TIMEOUT:-300}"

usage() {
  cat <<USAGE
Usage: ./start.sh [options]        start the demo and stay in the foreground (Ctrl-C stops it)
       ./start.sh stop             stop a demo started in the background (or left behind)
       ./start.sh status           tell whether the demo is running
       ./start.sh server-env       print the server settings the enrolment database needs (passwords masked)

Starts Keycloak $KC_VERSION (the official distribution, fetched through Maven) with every jar of the pack, the realm
"ent" (imported from demo/realm/ent-realm.json), a demo enrolment database and a GreenMail mail catcher.

Options:
  -d, --detach     start in the background and return once Keycloak is ready
  --reset          forget everything the demo stored (Keycloak database, imported realm, demo data) before starting
  --rebuild        rebuild the pack even if no source changed
  -h, --help       show this help

Environment:
  ENT_HTTP_PORT                  Keycloak HTTP port (default 8080)
  ENT_MANAGEMENT_PORT            health and metrics port (default 9000)
  ENT_ADMIN_USER, ENT_ADMIN_PASSWORD
                                 bootstrap administrator of the demo (default admin / admin)
  ENT_ENROLMENT_JDBC_URL, ENT_ENROLMENT_DB_USER, ENT_ENROLMENT_DB_PASSWORD
                                 a real enrolment database (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle) instead of
                                 the embedded H2 demo data, whatever Keycloak's own database; read when the realm is
                                 first imported: after a change, the launcher says so (apply it with --reset)
  ENT_DB_URL, ENT_DB_USER, ENT_DB_PASSWORD
                                 Keycloak's own database on PostgreSQL instead of the embedded dev-file database
  ENT_SMTP_PORT, ENT_MAIL_API_PORT
                                 GreenMail's SMTP port (default 3025) and REST API port (default 8025)
  ENT_PUBLIC_URL                 the address students reach Keycloak at, used in mailed links
                                 (default http://localhost:$HTTP_PORT)
  ENT_START_TIMEOUT              seconds to wait for Keycloak to be ready (default 300)
USAGE
}

say() { printf '%s\n' "$*"; }
fail() { printf 'start.sh: %s\n' "$*" >&2; exit 1; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
pid_of() { [ -f "$RUN_DIR/$1.pid" ] && cat "$RUN_DIR/$1.pid" || true; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
  else
    local hostport="${1#http://}" path
    path="/${hostport#*/}"; hostport="${hostport%%/*}"
    (exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}" &&
      printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3 &&
      head -n 1 <&3 | grep -q ' 200 ') 2>/dev/null
  fi
}

# Stops one process and everything it started: TERM first (Keycloak shuts down cleanly), KILL after 30 seconds.
stop_process() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  if alive "$pid"; then
    say "Stopping $name (pid $pid)..."
    local children
    children="$(pgrep -P "$pid" 2>/dev/null || true)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      alive "$pid" || break
      sleep 0.5
    done
    if alive "$pid"; then
      kill -KILL $children "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN_DIR/$name.pid"
}

stop_all() {
  stop_process keycloak
  stop_process greenmail
  # a Keycloak JVM whose launcher was killed some other way
  local orphans
  orphans="$(pgrep -f -- "-Dkc.home.dir=$KC_HOME" 2>/dev/null || true)"
  if [ -n "$orphans" ]; then
    kill -TERM $orphans 2>/dev/null || true
    sleep 5
    kill -KILL $orphans 2>/dev/null || true
  fi
  orphans="$(pgrep -f -- "$GREENMAIL_JAR" 2>/dev/null || true)"
  [ -z "$orphans" ] || kill -KILL $orphans 2>/dev/null || true
}

status() {
  local kc gm
  kc="$(pid_of keycloak)"; gm="$(pid_of greenmail)"
  if alive "$kc"; then say "Keycloak is running (pid $kc) on http://localhost:$HTTP_PORT"; else say "Keycloak is not running"; fi
  if alive "$gm"; then say "GreenMail is running (pid $gm)"; else say "GreenMail is not running"; fi
  alive "$kc"
}

needs_build() {
  [ -f "$BUILD_STAMP" ] || return 0
  [ -f "$GREENMAIL_JAR" ] || return 0
  local jar
  for jar in ent-common ent-keycloak-support ent-password-policy ent-enrolment-user-storage ent-activation ent-service-mappers ent-assistance-console ent-themes; do
    [ -f "$KC_HOME/providers/$jar.jar" ] || return 0
  done
  [ -z "$(find "$ROOT" -path "$ROOT/*/target" -prune -o -path "$ROOT/.git" -prune -o \
      \( -name pom.xml -o -path '*/src/*' \) -type f -newer "$BUILD_STAMP" -print -quit)" ] && return 1
  return 0
}

build() {
  command -v mvn >/dev/null 2>&1 || fail "Maven (mvn) is not on the PATH: install Maven 3.8 or newer."
  mkdir -p "$LOG_DIR"
  say "Building the pack and fetching Keycloak $KC_VERSION through Maven (the first run downloads a few hundred MB)..."
  if ! (cd "$ROOT" && mvn -B -DskipTests -Dspotless.check.skip=true -pl demo -am package) >"$LOG_DIR/build.log" 2>&1; then
    tail -n 40 "$LOG_DIR/build.log" >&2
    fail "the build failed; the whole log is in $LOG_DIR/build.log"
  fi
  touch "$BUILD_STAMP"
}

# The server settings an enrolment database other than H2 needs. Keycloak keeps in its class path only the JDBC drivers
# of the databases it is configured for: the enrolment database is declared as an additional datasource of the server
# ("enrolment", environment variables so that no password shows in the process list), which keeps its driver whatever
# Keycloak's own database is (dev-file by default). H2, the demo's own database, is allowed explicitly.
enrolment_server_env() {
  local url="$1" kind=""
  case "$url" in
    jdbc:h2:*) printf '%s\n' "KC_SPI_STORAGE__ENT_ENROLMENT__ALLOW_H2=true"; return 0 ;;
    jdbc:postgresql:*) kind=postgres ;;
    jdbc:mysql:*) kind=mysql ;;
    jdbc:mariadb:*) kind=mariadb ;;
    jdbc:sqlserver:*) kind=mssql ;;
    jdbc:oracle:*) kind=oracle ;;
    *) return 0 ;;
  esac
  printf '%s\n' "KC_DB_KIND_ENROLMENT=$kind" "KC_DB_URL_FULL_ENROLMENT=$url" \
    "KC_DB_USERNAME_ENROLMENT=${ENT_ENROLMENT_DB_USER:-}" "KC_DB_PASSWORD_ENROLMENT=${ENT_ENROLMENT_DB_PASSWORD:-}" \
    "KC_DB_POOL_MAX_SIZE_ENROLMENT=4"
}

# Prints the settings above, passwords masked: ./start.sh server-env
print_server_env() {
  local url="${ENT_ENROLMENT_JDBC_URL:-jdbc:h2:file:$DEMO_DATA/enrolment}" line
  while IFS= read -r line; do
    case "$line" in
      *PASSWORD*=?*) say "${line%%=*}=********" ;;
      *) say "$line" ;;
    esac
  done < <(enrolment_server_env "$url")
}

# The demo's helpdesk operator (role ent-helpdesk, for the assistance console), created once through Keycloak's own
# admin CLI. Demo only: never in the realm file, which production deployments import too.
DEMO_OPERATOR=assistance
DEMO_OPERATOR_PASSWORD=Cobalt-Hibou-Lanterne-58
KCADM_CONFIG=
# Signs Keycloak's admin CLI in to the master realm once (its config in the run directory); false when it cannot.
kcadm_signed_in() {
  [ -n "$KCADM_CONFIG" ] && return 0
  "$KC_HOME/bin/kcadm.sh" config credentials --config "$RUN_DIR/kcadm.config" --server "http://localhost:$HTTP_PORT" \
    --realm master --user "$ADMIN_USER" --password "$ADMIN_PASSWORD" >"$LOG_DIR/kcadm.log" 2>&1 || return 1
  KCADM_CONFIG="$RUN_DIR/kcadm.config"
}

create_demo_operator() {
  local kcadm="$KC_HOME/bin/kcadm.sh"
  kcadm_signed_in || { say "Warning: could not create the demo operator (log: $LOG_DIR/kcadm.log)"; return 0; }
  if "$kcadm" get users --config "$KCADM_CONFIG" -r ent -q username="$DEMO_OPERATOR" -q exact=true --fields id \
      2>>"$LOG_DIR/kcadm.log" | grep -q '"id"'; then
    return 0
  fi
  { "$kcadm" create users --config "$KCADM_CONFIG" -r ent -s username="$DEMO_OPERATOR" -s enabled=true \
      -s firstName=Agent -s lastName=Assistance -s email=assistance@example.org -s emailVerified=true &&
    "$kcadm" set-password --config "$KCADM_CONFIG" -r ent --username "$DEMO_OPERATOR" \
      --new-password "$DEMO_OPERATOR_PASSWORD" &&
    "$kcadm" add-roles --config "$KCADM_CONFIG" -r ent --uusername "$DEMO_OPERATOR" --rolename ent-helpdesk
  } >>"$LOG_DIR/kcadm.log" 2>&1 ||
    say "Warning: could not create the demo operator (log: $LOG_DIR/kcadm.log)"
}

# The admin console speaks the language of the realm its administrator signs in to: the demo's master realm offers
# French first, then English (the browser's language chooses; Keycloak's own default is English only).
french_admin_console() {
  kcadm_signed_in &&
    "$KC_HOME/bin/kcadm.sh" update realms/master --config "$KCADM_CONFIG" -s internationalizationEnabled=true \
      -s 'supportedLocales=["fr","en"]' -s defaultLocale=fr >>"$LOG_DIR/kcadm.log" 2>&1 ||
    say "Warning: the admin console stays in English (log: $LOG_DIR/kcadm.log)"
}

create_demo_enrolment_data() {
  local h2
  h2="$(ls "$KC_HOME"/lib/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -n 1)"
  [ -n "$h2" ] || fail "no H2 driver in $KC_HOME/lib/lib/main: run ./start.sh --rebuild"
  rm -rf "$DEMO_DATA"
  mkdir -p "$DEMO_DATA"
  java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$DEMO_DATA/enrolment" -user ent -password ent \
    -script "$ROOT/demo/sql/enrolment-demo-h2.sql" >"$LOG_DIR/demo-data.log" 2>&1 ||
    { cat "$LOG_DIR/demo-data.log" >&2; fail "could not create the demo enrolment database"; }
}

start() {
  local detach="$1" reset="$2" rebuild="$3"
  command -v java >/dev/null 2>&1 || fail "Java is not on the PATH: install Java 17 or newer."

  if alive "$(pid_of keycloak)"; then
    fail "the demo is already running (pid $(pid_of keycloak)); stop it with ./start.sh stop"
  fi
  local port var
  for var in ENT_HTTP_PORT:$HTTP_PORT ENT_MANAGEMENT_PORT:$MANAGEMENT_PORT ENT_SMTP_PORT:$SMTP_PORT ENT_MAIL_API_PORT:$MAIL_API_PORT; do
    port="${var#*:}"
    if port_in_use "$port"; then
      fail "port $port is already in use; free it or choose another one with ${var%%:*}=..."
    fi
  done

  if [ "$rebuild" = true ] || needs_build; then build; fi

  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if [ "$reset" = true ]; then
    say "Forgetting the demo's stored data..."
    rm -rf "$KC_HOME/data" "$DEMO_DATA"
  fi

  if [ -z "${ENT_ENROLMENT_JDBC_URL:-}" ]; then
    create_demo_enrolment_data
    export ENT_ENROLMENT_JDBC_URL="jdbc:h2:file:$DEMO_DATA/enrolment"
    export ENT_ENROLMENT_DB_USER=ent ENT_ENROLMENT_DB_PASSWORD=ent
  fi
  local setting
  while IFS= read -r setting; do
    [ -n "$setting" ] && export "$setting"
  done < <(enrolment_server_env "$ENT_ENROLMENT_JDBC_URL")
  export ENT_SMTP_HOST=127.0.0.1 ENT_SMTP_PORT="$SMTP_PORT"
  # the realm's frontend URL: the address activation links point to
  export ENT_PUBLIC_URL="${ENT_PUBLIC_URL:-http://localhost:$HTTP_PORT}"

  mkdir -p "$KC_HOME/data/import"
  cp "$ROOT/demo/realm/ent-realm.json" "$KC_HOME/data/import/ent-realm.json"

  # the realm is imported once: say so when the enrolment database asked for now is not the one it was imported with
  local marker="$KC_HOME/data/ent-enrolment-source" source drift=""
  source="$ENT_ENROLMENT_JDBC_URL (user ${ENT_ENROLMENT_DB_USER:-})"
  if [ -f "$marker" ] && [ "$(cat "$marker")" != "$source" ]; then
    drift="  WARNING: the stored realm reads its students from $(cat "$marker"),
  not from ENT_ENROLMENT_JDBC_URL=$ENT_ENROLMENT_JDBC_URL: the realm was imported with the former and
  this change is NOT applied. Run ./start.sh --reset to apply it (it forgets the demo's stored data), or change
  the JDBC URL in the admin console (User federation > enrolment)."
    say "$drift"
  fi
  [ -f "$marker" ] || printf '%s' "$source" >"$marker"

  local launch=()
  [ "$detach" = true ] && launch=(nohup)

  ${launch[@]+"${launch[@]}"} java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.auth.disabled \
    -jar "$GREENMAIL_JAR" >"$LOG_DIR/greenmail.log" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/greenmail.pid"

  local db_options=()
  if [ -n "${ENT_DB_URL:-}" ]; then
    db_options=(--db=postgres "--db-url=$ENT_DB_URL" "--db-username=${ENT_DB_USER:-keycloak}" "--db-password=${ENT_DB_PASSWORD:-}")
  fi

  say "Starting Keycloak $KC_VERSION on http://localhost:$HTTP_PORT (log: $LOG_DIR/keycloak.log)..."
  KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms256m -Xmx1g}" \
    ${launch[@]+"${launch[@]}"} "$KC_HOME/bin/kc.sh" start-dev --http-port="$HTTP_PORT" --http-management-port="$MANAGEMENT_PORT" \
    --health-enabled=true --import-realm ${db_options[@]+"${db_options[@]}"} >"$LOG_DIR/keycloak.log" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/keycloak.pid"

  trap 'say ""; stop_all; exit 130' INT TERM

  local waited=0
  until http_ok "http://127.0.0.1:$MANAGEMENT_PORT/health/ready"; do
    if ! alive "$(pid_of keycloak)"; then
      tail -n 40 "$LOG_DIR/keycloak.log" >&2
      stop_all
      fail "Keycloak stopped during start-up; the whole log is in $LOG_DIR/keycloak.log"
    fi
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      tail -n 40 "$LOG_DIR/keycloak.log" >&2
      stop_all
      fail "Keycloak was not ready after $START_TIMEOUT s; the whole log is in $LOG_DIR/keycloak.log"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  french_admin_console
  create_demo_operator
  http_ok "http://127.0.0.1:$MAIL_API_PORT/api/service/readiness" ||
    say "Warning: GreenMail does not answer on port $MAIL_API_PORT (log: $LOG_DIR/greenmail.log)"

  cat <<READY

ENT Keycloak Pack is running on Keycloak $KC_VERSION (ready in ${waited} s).

  Student login (realm ent):  http://localhost:$HTTP_PORT/realms/ent/account
  "1ère connexion", help:     http://localhost:$HTTP_PORT/realms/ent/ent-first-connection   http://localhost:$HTTP_PORT/realms/ent/ent-help
  Admin console:              http://localhost:$HTTP_PORT/admin/master/console/#/ent   ($ADMIN_USER / $ADMIN_PASSWORD)
  Assistance console:         http://localhost:$HTTP_PORT/realms/ent/ent-assistance   ($DEMO_OPERATOR / $DEMO_OPERATOR_PASSWORD, demo only)
  Mailbox (GreenMail API):    http://127.0.0.1:$MAIL_API_PORT/api/user/<email>/messages   (SMTP on 127.0.0.1:$SMTP_PORT)
  Health:                     http://localhost:$MANAGEMENT_PORT/health/ready
  Logs:                       $LOG_DIR

READY
  [ -z "$drift" ] || say "$drift
"
  if [ "$detach" = true ]; then
    trap - INT TERM
    say "Running in the background: ./start.sh stop stops it."
    return 0
  fi
  say "Press Ctrl-C to stop."
  wait "$(pid_of keycloak)" || true
  stop_all
}

main() {
  local detach=false reset=false rebuild=false
  case "${1:-}" in
    stop) stop_all; say "Stopped."; return 0 ;;
    status) status; return $? ;;
    server-env) print_server_env; return 0 ;;
  esac
  while [ $# -gt 0 ]; do
    case "$1" in
      -d|--detach) detach=true ;;
      --reset) reset=true ;;
      --rebuild) rebuild=true ;;
      -h|--help) usage; return 0 ;;
      *) usage >&2; fail "unknown option: $1" ;;
    esac
    shift
  done
  start "$detach" "$reset" "$rebuild"
}

main "$@"
