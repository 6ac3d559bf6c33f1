#!/usr/bin/env bash
# The Slurm job array on a real single-node Slurm: brings up munged,
# slurmctld and slurmd from Debian's packages (slurm-wlm, munge) in a
# private folder with their own key, socket and ports, submits
# slurm/submit.sh over a generated folder (4 shards and the dependent
# merge), waits for the merge and checks that the merged database equals
# one unsharded batch of the same folder.  TAP output; skipped (with the
# reason) only when the daemons cannot run here: not root, packages
# missing, or a daemon that does not start.
#   test-slurm.sh LEITMOTIF SRCDIR
set -uo pipefail
lm=$1
src=$2
shards=${LM_TEST_SLURM_SHARDS:-4}
essays=${LM_TEST_SLURM_ESSAYS:-4000}
cd "$src" || exit 1
. tests/lib/tap-db.sh
# meson's TAP protocol takes a plan of 1..0 with SKIP as a skip, and treats
# any non-zero status (77 too) as an error: so the plan, and status 0.
skip () { echo "1..0 # SKIP $1"; exit 0; }

[ "$(id -u)" = 0 ] || skip "the Slurm daemons need root (slurmd runs jobs as their user)"
for c in munged slurmctld slurmd sbatch scontrol sinfo squeue scancel sqlite3; do
  command -v "$c" >/dev/null || skip "$c not found: install Debian's slurm-wlm and munge"
done

work=$(mktemp -d /tmp/lm-slurm.XXXXXX)
chmod 700 "$work"
pids=()
cleanup () {
  [ -n "${SLURM_CONF:-}" ] && scancel --quiet --user=root 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT   # so that a timeout still stops the daemons
logs () { for f in "$work"/*.log; do echo "# --- $f"; tail -n 15 "$f" | sed 's/^/# /'; done; }

# A free TCP port above 20000 for each daemon.
port () {
  local p
  for _ in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo 0
}

# --- munge, with its own key and socket ----------------------------------
mkdir -p "$work/state" "$work/spool" "$work/run"
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/run/munge.sock" \
  --pid-file="$work/run/munged.pid" --log-file="$work/munged.log" --seed-file="$work/run/munge.seed" \
  >"$work/munged.out.log" 2>&1 || { logs; skip "munged did not start (see the log above)"; }
pids+=("$(cat "$work/run/munged.pid")")

# --- slurm.conf: one node, this machine -------------------------------------
host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/MemAvailable/ { printf "%d", $2 / 1024 / 2 }' /proc/meminfo)
ctld_port=$(port) slurmd_port=$(port)
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=lmtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$work/run/munge.sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=lmtest Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -i >"$work/slurmctld.out.log" 2>&1 || { logs; skip "slurmctld did not start (see the log above)"; }
for _ in $(seq 1 50); do [ -s "$work/run/slurmctld.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/run/slurmctld.pid" 2>/dev/null)")
slurmd -N "$host" >"$work/slurmd.out.log" 2>&1 || { logs; skip "slurmd did not start (see the log above)"; }
for _ in $(seq 1 50); do [ -s "$work/run/slurmd.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/run/slurmd.pid" 2>/dev/null)")
state=
for _ in $(seq 1 120); do
  state=$(sinfo -h -n "$host" -o %t 2>/dev/null)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || { logs; skip "the Slurm node did not come up (state \"$state\", see the logs above)"; }
ok "a single-node Slurm is up ($host, $cpus CPUs, slurm $(sinfo -V | cut -d' ' -f2))"

# --- the folder, and one unsharded batch for reference ----------------------------
bash bench/make-essays.sh "$essays" "$work/essays" >/dev/null
bytes=$(du -sb "$work/essays" | cut -f1)
t0=$(date +%s.%N)
lexicon="$src/lexicons/never-let-me-go.ini" stopwords="$src/stopwords/english.txt"
"$lm" batch --quiet --jobs "$cpus" --lexicon "$lexicon" --stopwords "$stopwords" --db "$work/whole.db" "$work/essays"; rc=$?
t1=$(date +%s.%N)
check "the unsharded batch exits 0" test "$rc" = 0
single=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')

# --- the job array and the merge --------------------------------------------------
t0=$(date +%s.%N)
ids=$(LM_BIN="$lm" LM_LEXICON="$lexicon" LM_STOPWORDS="$stopwords" \
      bash slurm/submit.sh "$work/essays" "$work/out" "$shards" -- --cpus-per-task=1 --time=00:20:00 \
      2>"$work/submit.log"); rc=$?
check "submit.sh submits the array and the merge" test "$rc" = 0
read -r array merge <<<"$ids"
check "the merge depends on the array" grep -q "Dependency=afterok:${array}" <<<"$(scontrol show job "$merge" -o 2>/dev/null)"
jstate=
for _ in $(seq 1 1200); do
  jstate=$(scontrol show job "$merge" -o 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
  case $jstate in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE) break ;; esac
  sleep 0.5
done
t1=$(date +%s.%N)
onslurm=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
if [ "$jstate" = COMPLETED ]; then ok "the merge job completed"
else not_ok "the merge job completed (state \"$jstate\")" "$(cat "$work"/out/logs/* 2>/dev/null | tail -20)"; logs; fi
tasks=$(scontrol show job "$array" -o 2>/dev/null | grep 'JobState=COMPLETED' | grep -o 'ArrayTaskId=[0-9]*' | sort -u | wc -l)
check "the array's $shards tasks (1..$shards) all completed ($tasks)" test "$tasks" = "$shards"
check "each task and the merge wrote a log" test "$(ls "$work"/out/logs/ | wc -l)" = $((shards + 1))
check "every shard wrote its database" test "$(ls "$work"/out/shard-*-of-"$shards".db 2>/dev/null | wc -l)" = "$shards"
check "the merged database has all $essays documents" test "$(q "$work/out/leitmotif.db" "SELECT count(*) FROM documents WHERE status = 'ok'" 2>/dev/null)" = "$essays"
check "the merged database equals the unsharded batch (documents, counts, genres, categories, meta)" \
  diff <(content "$work/whole.db") <(content "$work/out/leitmotif.db")
echo "# $essays essays, $bytes bytes: one batch with --jobs $cpus took ${single} s; on Slurm, $shards shards of one CPU and the merge took ${onslurm} s from submission to the merge's end"
echo "1..$n"
exit $failed
