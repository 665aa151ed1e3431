# Helpers shared by the benchmarks: ports, sinks, a Gatehouse from the built distribution,
# process CPU and memory. Everything started here is stopped by bench_cleanup.

BENCH_CLEANUP=()

bench_workdir() {
  local dir="${TMPDIR:-/tmp}/gatehouse-bench/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "$dir"
}

bench_cleanup() {
  local i
  for ((i = ${#BENCH_CLEANUP[@]} - 1; i >= 0; i--)); do
    eval "${BENCH_CLEANUP[$i]}" >/dev/null 2>&1 || true
  done
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { date +%s%3N; }

wait_port() {
  local port=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $port after ${seconds}s" >&2
  return 1
}

# smtp-sink -c prints a running "mesg=N" counter.
start_sink() {
  local out=$1 port=$2
  smtp-sink -c -u nobody "127.0.0.1:$port" 512 >"$out" 2>&1 &
  BENCH_CLEANUP+=("kill $!")
  wait_port "$port" 10
}

sink_count() {
  tr '\r' '\n' <"$1" | grep -o 'mesg=[0-9]*' | tail -1 | cut -d= -f2 | grep . || echo 0
}

wait_for_sink() {
  local out=$1 want=$2 seconds=$3 i
  for ((i = 0; i < seconds * 10; i++)); do
    [ "$(sink_count "$out")" -ge "$want" ] && return 0
    sleep 0.1
  done
  echo "sink $out has $(sink_count "$out") of $want messages after ${seconds}s" >&2
  return 1
}

# Sum of user+system CPU ticks of the given processes, including their reaped children.
cpu_ticks() {
  local total=0 pid
  for pid in $1; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

# Sum of the peak resident set (VmHWM) of the given processes, in MB.
peak_rss_mb() {
  local kb=0 pid v
  for pid in $1; do
    v=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    kb=$((kb + ${v:-0}))
  done
  echo $((kb / 1024))
}

distribution_tarball() {
  local top=$1 tgz
  tgz=$(ls "$top"/distribution/target/gatehouse-*.tar.gz 2>/dev/null | head -1)
  if [ -z "$tgz" ]; then
    echo "no distribution built: run 'mvn -DskipTests install' first" >&2
    return 1
  fi
  echo "$tgz"
}

# gatehouse_start DIR LISTEN_PORT SINK_PORT: unpacks the distribution, moves the public
# listener to LISTEN_PORT, the example.com route to SINK_PORT and every other port to free ones,
# gives the load generator its policy, and runs it.
gatehouse_start() {
  gatehouse_unpack "$@"
  load_generator_policy "$1/etc"
  gatehouse_run "$1" "$2"
}

# gatehouse_unpack DIR LISTEN_PORT SINK_PORT: the distribution in DIR with its ports moved (a
# bench may change more of DIR/etc before gatehouse_run).
gatehouse_unpack() {
  local dir=$1 port=$2 sink=$3 etc
  mkdir -p "$dir"
  tar -xzf "$(distribution_tarball "$top")" -C "$dir" --strip-components=1
  etc="$dir/etc"
  # As many concurrent connections as the Postfix peer's process limit (100), so a load of
  # 50 sessions never meets the listener's limit while closing sessions are still counted.
  sed -i -E "s/^port *=.*/port = $port/; s/^max.connections *=.*/max.connections = 100/" \
    "$etc/org.gatehouse.listener-public.cfg"
  sed -i -E "s/^port *=.*/port = $(free_port)/" "$etc/org.gatehouse.listener-private.cfg"
  sed -i -E "s/^hosts *=.*/hosts = 127.0.0.1:$sink/" "$etc/org.gatehouse.route-example.cfg"
  sed -i -E "s/^sshPort *=.*/sshPort = $(free_port)/" "$etc/org.apache.karaf.shell.cfg"
  # SPF/DKIM/DMARC off unless MAILAUTH=true: the Postfix peers check none of them, and the
  # load's sender domains have no DNS here (every lookup would be a timeout or a temperror).
  sed -i -E "s/^enabled *=.*/enabled = ${MAILAUTH:-false}/" "$etc/org.gatehouse.mailauth.cfg"
  # CONTENT_STAGES=false: the backbone alone (the evaluation licenses anti-spam, anti-virus and
  # reputation, and they would run on every message).
  if [ "${CONTENT_STAGES:-true}" = false ]; then
    local stage
    # Their etc/ files come with their features at first start (which keep a file already there).
    for stage in antispam antivirus reputation; do
      printf 'enabled = false\n' >"$etc/org.gatehouse.$stage.cfg"
    done
  fi
  if [ -f "$etc/org.apache.karaf.management.cfg" ]; then
    sed -i -E "s/^rmiRegistryPort *=.*/rmiRegistryPort = $(free_port)/; s/^rmiServerPort *=.*/rmiServerPort = $(free_port)/" \
      "$etc/org.apache.karaf.management.cfg"
  fi
}

# gatehouse_run DIR LISTEN_PORT: starts the unpacked Gatehouse and waits for its public port.
gatehouse_run() {
  BENCH_CLEANUP+=("gatehouse_stop $1")
  GATEHOUSE_DIR=$1
  gatehouse_launch "$1"
  wait_port "$2" 180
}

# The load comes from 127.0.0.1 with 50 sessions of many messages: as an admin does for a known
# bulk sender, give it a sender group whose policy lifts the per-host limits of ACCEPTED (10
# connections per address, 10 messages per connection). Postfix's own per-client limit (50
# connections, smtpd_client_connection_count_limit) does not bind at this load either.
load_generator_policy() {
  local etc=$1
  cat >"$etc/org.gatehouse.hat.policy-public-loadtest.cfg" <<CFG
listener = public
name = LOADTEST
access = ACCEPT
max.connections.per.ip = 0
max.messages.per.connection = 0
CFG
  cat >"$etc/org.gatehouse.hat.sendergroup-public-loadtest.cfg" <<CFG
listener = public
name = LOADTEST
order = 5
policy = LOADTEST
entries = 127.0.0.1
comment = The benchmark's load generator
CFG
}

# Runs an unpacked Gatehouse in the background (again, after a crash, on the same folders).
gatehouse_launch() {
  JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")} \
    "$1/bin/karaf" server >>"$1/console.out" 2>&1 &
}

gatehouse_pids() {
  pgrep -f "karaf.base=$GATEHOUSE_DIR" | head -1
}

gatehouse_stop() {
  local pid
  pid=$(pgrep -f "karaf.base=$1" | head -1) || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
