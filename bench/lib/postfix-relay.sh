# Postfix as a plain relay, the peer Gatehouse is measured against: its own instance in a
# temporary folder (own config, queue and ports), so nothing of the system's Postfix is touched.
# Functions: postfix_relay_start DIR LISTEN_PORT SINK_PORT; postfix_relay_stop DIR;
# postfix_relay_pids DIR (every process of that instance).

postfix_relay_start() {
  local dir=$1 port=$2 sink=$3
  mkdir -p "$dir/etc" "$dir/queue" "$dir/data"
  # Postfix runs a second instance only from a config folder its main config names.
  postconf -e "alternate_config_directories = $dir/etc"
  cp /etc/postfix/master.cf.proto "$dir/etc/master.cf" 2>/dev/null || cp /usr/share/postfix/master.cf.dist "$dir/etc/master.cf"
  # Listen on our port only; the stock "smtp inet" line would take port 25.
  sed -i -E "s/^smtp +inet .*/127.0.0.1:$port inet n - n - - smtpd/" "$dir/etc/master.cf"
  cat > "$dir/etc/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
mail_owner = postfix
myhostname = relay.bench.invalid
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relay_domains = example.com
transport_maps = inline:{ example.com=smtp:[127.0.0.1]:$sink }
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
default_process_limit = 100
smtp_destination_concurrency_limit = 20
default_destination_concurrency_limit = 20
smtp_connection_cache_on_demand = yes
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
alias_maps =
alias_database =
local_recipient_maps =
biff = no
CF
  postfix -c "$dir/etc" set-permissions >/dev/null 2>&1 || true
  postfix -c "$dir/etc" check
  postfix -c "$dir/etc" start
}

postfix_relay_stop() {
  postfix -c "$1/etc" stop >/dev/null 2>&1 || true
}

postfix_relay_pids() {
  local dir=$1 master
  master=$(head -1 "$dir/queue/pid/master.pid" 2>/dev/null | tr -d ' ')
  [ -n "$master" ] || return 0
  echo "$master"
  pgrep -P "$master" || true
}
