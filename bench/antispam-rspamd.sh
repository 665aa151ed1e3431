# Sourced by bench/antispam: a private Rspamd (its own config folder, ports, pid, logs), network
# modules off, Bayes in sqlite files (no Redis), stopped by bench_cleanup.

# rspamd_start DIR NORMAL_PORT CONTROLLER_PORT
rspamd_start() {
  local dir=$1 port=$2 ctl=$3 local_d module
  local_d="$dir/local/local.d"
  mkdir -p "$local_d" "$dir/run" "$dir/db" "$dir/log"
  printf 'bind_socket = "127.0.0.1:%s";\ncount = %s;\n' "$port" "$(nproc)" >"$local_d/worker-normal.inc"
  printf 'bind_socket = "127.0.0.1:%s";\ncount = 1;\nsecure_ip = "127.0.0.1";\n' "$ctl" >"$local_d/worker-controller.inc"
  printf 'enabled = false;\n' >"$local_d/worker-proxy.inc"
  printf 'enabled = false;\n' >"$local_d/worker-fuzzy.inc"
  printf 'type = "file";\nfilename = "%s/log/rspamd.log";\nlevel = "warning";\n' "$dir" >"$local_d/logging.inc"
  # Network tests off, as for SpamAssassin -L: no DNS lists, no fuzzy storage, no DNS checks.
  for module in rbl surbl fuzzy_check dcc asn spf dkim dmarc arc dkim_signing mx_check emails \
      phishing url_redirector replies ratelimit neural greylist history_redis reputation \
      external_services spamassassin; do
    printf 'enabled = false;\n' >"$local_d/$module.conf"
  done
  cat >"$local_d/classifier-bayes.conf" <<CONF
backend = "sqlite3";
min_learns = 50;
statfile { symbol = "BAYES_HAM"; spam = false; path = "$dir/db/bayes.ham.sqlite"; }
statfile { symbol = "BAYES_SPAM"; spam = true; path = "$dir/db/bayes.spam.sqlite"; }
CONF
  rspamd -f -u root -g root -i --var="LOCAL_CONFDIR=$dir/local" --var="RUNDIR=$dir/run" \
    --var="DBDIR=$dir/db" --var="LOGDIR=$dir/log" -c /etc/rspamd/rspamd.conf >"$dir/console.out" 2>&1 &
  BENCH_CLEANUP+=("kill $!")
  wait_port "$port" 60
  wait_port "$ctl" 60
}
