#!/usr/bin/env bash
# End-to-end: search as you type through a real terminal. The front desk
# is started in tmux on a hall; the script measures the first frame (from
# the process's start until the home screen shows its counters, and until
# the queue, opened at once with 2, shows its rows), then types a name
# into the queue's search key by key and measures, for every key, the time
# from tmux send-keys until capture-pane shows that query's rows (the
# search box holds the query, nothing is loading, and the first row is the
# case `hall cases --search` puts first). Prints every key, the median and
# the maximum; then types the last word at speed (80 ms a key, not
# waiting) and times its last key to its rows. Fails when any is over
# LIMIT_MS (default 100).
#
# Usage: scripts/e2e-search.sh [DB]
#   DB       a hall to measure; it is copied first (never opened in place).
#            Without it a hall of N cases (default 20000) is built with
#            `hall demo --cases N`.
# Environment: NAME (typed key by key; default the newest applicant's
# name), PINYIN (typed after it, letter by letter, e.g. wangxiuying),
# LIMIT_MS, N, HALL (a built binary to use), KEEP=1 keeps the work folder,
# COPY=0 uses DB in place (a private copy of a big hall: the desk writes).
# Needs tmux and jq.
set -euo pipefail
export LC_ALL=C.UTF-8 # a character of the name is one key
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/hall-e2e-search.XXXXXX")
sock="hall-e2e-search-$$"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	[[ ${KEEP:-} == 1 ]] || rm -rf "$work"
}
trap cleanup EXIT
LIMIT_MS=${LIMIT_MS:-100}
hall=${HALL:-$work/hall}
[[ -n ${HALL:-} ]] || go build -o "$hall" ./cmd/hall
db="$work/hall.db"
if [[ -n ${1:-} && ${COPY:-1} == 0 ]]; then
	db=$1 # a private copy already: used as it is
elif [[ -n ${1:-} ]]; then
	cp --reflink=auto "$1" "$db"
	[[ -f $1.anchor ]] && cp "$1.anchor" "$db.anchor"
	# on the disk before the desk starts: its first commit would
	# otherwise write the whole copy out, which no real start does
	sync "$db"
else
	"$hall" --db "$db" demo --cases "${N:-20000}" --seed 1 >/dev/null
fi
export HALL_LANG=zh
cases=$("$hall" --db "$db" cases --limit 1 --json | jq -r '.[0].number')
name=${NAME:-$("$hall" --db "$db" cases --limit 1 --json | jq -r '.[0].name')}
[[ $cases != null && -n $name ]] || { echo "e2e-search: the hall has no cases" >&2; exit 1; }

# The queries, one per key, and the case each should show first ("" for
# none), asked of the CLI before the desk holds the file.
queries=() firsts=()
for word in "$name" ${PINYIN:-}; do
	for ((i = 1; i <= ${#word}; i++)); do
		queries+=("${word:0:i}")
	done
done
for q in "${queries[@]}"; do
	firsts+=("$("$hall" --db "$db" cases --search "$q" --limit 1 --json | jq -r '.[0].number // ""')")
done

t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t s; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
fail() { echo "e2e-search: $1" >&2; screen >&2; exit 1; }
# until PATTERN (extended regex) is on the screen, at most 30 s
wait_re() {
	local end=$(($(now_ms) + 30000))
	until screen | grep -qE -- "$1"; do
		(($(now_ms) < end)) || fail "the screen never showed: $1"
	done
}

# The first frame: the home screen's counters, then the queue's rows.
# (tmux is started first and the desk on a key, so tmux's own start is
# not counted)
t new-session -d -s s -x 120 -y 40 "read -r; $hall --db $db; echo HALL-EXITED; sleep 30"
sleep 0.5
t0=$(now_ms)
t send-keys -t s Enter
wait_re '今日受理 +[0-9]+'
t_home=$(($(now_ms) - t0))
t send-keys -t s 2
wait_re '第 1 页'
t_rows=$(($(now_ms) - t0))
echo "first frame: home counters ${t_home} ms, queue rows ${t_rows} ms after the start"

# Key to rows, for every key.
ms=()
prev=""
for i in "${!queries[@]}"; do
	q=${queries[$i]} first=${firsts[$i]}
	key=${q:${#prev}}
	[[ $q == "$prev$key" ]] || { prev=""; t send-keys -t s C-l; sleep 0.5; key=$q; }
	prev=$q
	if [[ -n $first ]]; then want=$first; else want='没有符合条件的案件'; fi
	t1=$(now_ms)
	t send-keys -t s -l "$key"
	end=$((t1 + 30000))
	while :; do
		s=$(screen)
		if [[ $s == *"[$q"* && $s != *查询中* && $s == *"$want"* ]]; then
			break
		fi
		(($(now_ms) < end)) || fail "no rows for $q (want $want)"
	done
	d=$(($(now_ms) - t1))
	ms+=("$d")
	printf '  %-16s %4d ms  %s\n' "$q" "$d" "${first:-(none)}"
done
# Typed at speed: the keys of the last word 80 ms apart, without
# waiting for rows (each key makes the search before it stale); timed
# from the last key to its rows.
q=${queries[-1]} first=${firsts[-1]}
if [[ -n $first ]]; then want=$first; else want='没有符合条件的案件'; fi
t send-keys -t s C-l
sleep 0.5
for ((i = 0; i < ${#q}; i++)); do
	t send-keys -t s -l "${q:i:1}"
	((i == ${#q} - 1)) || sleep 0.08
done
t1=$(now_ms)
end=$((t1 + 30000))
until s=$(screen) && [[ $s == *"[$q"* && $s != *查询中* && $s == *"$want"* ]]; do
	(($(now_ms) < end)) || fail "no rows for $q typed at speed (want $want)"
done
burst=$(($(now_ms) - t1))
echo "typed at speed (${#q} keys 80 ms apart): last key to rows ${burst} ms"
ms+=("$burst")

sorted=$(printf '%s\n' "${ms[@]}" | sort -n)
n=${#ms[@]}
median=$(sed -n "$(((n + 1) / 2))p" <<<"$sorted")
maxms=$(tail -1 <<<"$sorted")
echo "key to rows over $n keys: median ${median} ms, max ${maxms} ms (limit ${LIMIT_MS} ms); load average $(cut -d' ' -f1-3 /proc/loadavg)"
t send-keys -t s Escape
t kill-server 2>/dev/null || true
((maxms <= LIMIT_MS)) || { echo "e2e-search: a key took ${maxms} ms to its rows, over ${LIMIT_MS} ms" >&2; exit 1; }
echo "e2e-search: ok"
