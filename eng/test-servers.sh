#!/usr/bin/env bash
# Starts throw-away PostgreSQL, Redis and RabbitMQ servers on free loopback ports for the functional tests, and
# exports their connection strings (SLM_TEST_POSTGRES, SLM_TEST_REDIS, SLM_TEST_RABBITMQ). Source it, then call
# start_test_servers; stop_test_servers stops them and deletes their data. SLM_TEST_POSTGRES_FSYNC=on makes
# PostgreSQL flush as a production server does (the fault suite restarts it).
#
# Each server is started by a script of its own, $SLM_TEST_SERVERS_DIR/<name>.sh (postgres, redis, rabbitmq), that
# execs the server, and its pid is kept in <name>.pid: the fault suite stops, pauses and restarts a server with them.

# Below Linux's ephemeral range (32768-60999), which outgoing connections draw their source ports from.
free_port() {
  local port
  while :; do
    port=$(( (RANDOM * 32768 + RANDOM) % 12000 + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

wait_for_port() {
  local port=$1 name=$2 log=${3:-} tries=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    tries=$((tries + 1))
    if [ $tries -gt 600 ]; then
      echo "$name did not open port $port" >&2
      [ -n "$log" ] && [ -f "$log" ] && tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.1
  done
}

# launch_test_server NAME: runs $SLM_TEST_DIR/NAME.sh in the background and records the server's pid in NAME.pid.
launch_test_server() {
  bash "$SLM_TEST_DIR/$1.sh" &
  echo $! > "$SLM_TEST_DIR/$1.pid"
}

# write_server_script NAME COMMAND...: NAME.sh execs COMMAND, appending its output to NAME.log.
write_server_script() {
  local name=$1; shift
  {
    echo '#!/usr/bin/env bash'
    printf 'exec'
    printf ' %q' "$@"
    printf ' >>%q 2>&1\n' "$SLM_TEST_DIR/$name.log"
  } > "$SLM_TEST_DIR/$name.sh"
}

random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

start_test_servers() {
  SLM_TEST_DIR=$(mktemp -d /tmp/slm-test-servers.XXXXXX)
  chmod 755 "$SLM_TEST_DIR"
  SLM_TEST_PIDS=()
  export SLM_TEST_SERVERS_DIR=$SLM_TEST_DIR
  local as_postgres=() bindir
  [ "$(id -u)" = 0 ] && as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

  # PostgreSQL
  local pg_port pg_password
  pg_port=$(free_port)
  pg_password=$(random_secret)
  mkdir -p "$SLM_TEST_DIR/pg"
  printf '%s\n' "$pg_password" > "$SLM_TEST_DIR/pg.pw"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$SLM_TEST_DIR/pg" "$SLM_TEST_DIR/pg.pw"
  "${as_postgres[@]}" "$bindir/initdb" -D "$SLM_TEST_DIR/pg" -U postgres --pwfile="$SLM_TEST_DIR/pg.pw" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$SLM_TEST_DIR/initdb.log"
  rm -f "$SLM_TEST_DIR/pg.pw"
  # A port found free can be taken before the server binds it, and a loaded machine can be slow to start it: a few
  # tries on fresh ports, each server's log shown when it fails.
  local attempt
  for attempt in 1 2 3; do
    write_server_script postgres "${as_postgres[@]}" "$bindir/postgres" -D "$SLM_TEST_DIR/pg" -p "$pg_port" \
      -c listen_addresses=127.0.0.1 -c unix_socket_directories="$SLM_TEST_DIR/pg" -c max_connections=300 \
      -c fsync="${SLM_TEST_POSTGRES_FSYNC:-off}"
    launch_test_server postgres
    if wait_for_port "$pg_port" PostgreSQL "$SLM_TEST_DIR/postgres.log"; then
      break
    fi
    kill "$(cat "$SLM_TEST_DIR/postgres.pid")" 2>/dev/null; wait 2>/dev/null
    [ "$attempt" = 3 ] && return 1
    pg_port=$(free_port)
  done

  # Redis
  local redis_port redis_password
  redis_port=$(free_port)
  redis_password=$(random_secret)
  printf 'bind 127.0.0.1\nport %s\ndir %s\nsave ""\nappendonly no\nrequirepass %s\n' \
    "$redis_port" "$SLM_TEST_DIR" "$redis_password" > "$SLM_TEST_DIR/redis.conf"
  write_server_script redis redis-server "$SLM_TEST_DIR/redis.conf"
  launch_test_server redis

  # RabbitMQ, with an epmd of its own so that nothing outlives the run
  local amqp_port dist_port epmd_port management_port rabbit_password
  amqp_port=$(free_port); dist_port=$(free_port); epmd_port=$(free_port); management_port=$(free_port)
  rabbit_password=$(random_secret)
  mkdir -p "$SLM_TEST_DIR/rabbitmq"
  # The management API lets each test fixture make a virtual host of its own.
  printf 'listeners.tcp.default = 127.0.0.1:%s\ndefault_user = slm\ndefault_pass = %s\nloopback_users = none\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' \
    "$amqp_port" "$rabbit_password" "$management_port" > "$SLM_TEST_DIR/rabbitmq/rabbitmq.conf"
  echo '[rabbitmq_management].' > "$SLM_TEST_DIR/rabbitmq/enabled_plugins"
  epmd -port "$epmd_port" -address 127.0.0.1 >"$SLM_TEST_DIR/epmd.log" 2>&1 &
  SLM_TEST_PIDS+=($!)
  write_server_script rabbitmq env HOME="$SLM_TEST_DIR/rabbitmq" RABBITMQ_NODENAME="slmtest$amqp_port@localhost" \
    RABBITMQ_NODE_PORT="$amqp_port" RABBITMQ_DIST_PORT="$dist_port" RABBITMQ_MNESIA_BASE="$SLM_TEST_DIR/rabbitmq/mnesia" \
    RABBITMQ_LOG_BASE="$SLM_TEST_DIR/rabbitmq/log" RABBITMQ_LOGS=- \
    RABBITMQ_CONFIG_FILE="$SLM_TEST_DIR/rabbitmq/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$SLM_TEST_DIR/rabbitmq/enabled_plugins" ERL_EPMD_PORT="$epmd_port" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}" \
    /usr/lib/rabbitmq/bin/rabbitmq-server
  launch_test_server rabbitmq

  wait_for_port "$redis_port" Redis "$SLM_TEST_DIR/redis.log"
  wait_for_port "$amqp_port" RabbitMQ
  wait_for_port "$management_port" "RabbitMQ management"

  export SLM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password"
  export SLM_TEST_REDIS="127.0.0.1:$redis_port,password=$redis_password"
  export SLM_TEST_RABBITMQ="amqp://slm:$rabbit_password@127.0.0.1:$amqp_port"
  export SLM_TEST_RABBITMQ_MANAGEMENT="http://slm:$rabbit_password@127.0.0.1:$management_port"
  echo "Test servers up: PostgreSQL :$pg_port, Redis :$redis_port, RabbitMQ :$amqp_port (data in $SLM_TEST_DIR)"
}

stop_test_servers() {
  [ -n "${SLM_TEST_DIR:-}" ] || return 0
  local pid name pids=("${SLM_TEST_PIDS[@]}")
  # The servers' pid files: a server the fault suite restarted has a pid of its own.
  for name in postgres redis rabbitmq; do
    [ -f "$SLM_TEST_DIR/$name.pid" ] && pids=("$(cat "$SLM_TEST_DIR/$name.pid")" "${pids[@]}")
  done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$SLM_TEST_DIR"
  SLM_TEST_DIR=
}
