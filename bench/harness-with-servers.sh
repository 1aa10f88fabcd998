# Sourced by the bench/run-*.sh scripts whose harness starts services of its own as child processes.
# run_harness_with_test_servers COMMAND...: starts throw-away PostgreSQL, Redis and RabbitMQ (eng/test-servers.sh),
# runs COMMAND in a process group of its own, and on any exit (its end, Ctrl+C, SIGTERM) stops the whole group — the
# harness and every service it started — and then the servers. Exits with the command's status.

# shellcheck source=../eng/test-servers.sh
source eng/test-servers.sh

run_harness_with_test_servers() {
  harness_pid=
  stop_harness_and_servers() {
    if [ -n "$harness_pid" ] && kill -0 -- "-$harness_pid" 2>/dev/null; then
      kill -TERM -- "-$harness_pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 -- "-$harness_pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL -- "-$harness_pid" 2>/dev/null || true
    fi
    stop_test_servers
  }
  trap stop_harness_and_servers EXIT
  trap 'exit 130' INT TERM
  start_test_servers >&2

  setsid "$@" &
  harness_pid=$!
  local status=0
  wait "$harness_pid" || status=$?
  exit $status
}
