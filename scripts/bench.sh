#!/usr/bin/env bash
# bench.sh [N] — one script, one table: builds a hall of N cases (default
# 20000) with `hall demo --cases N`, times whole processes on it and runs
# every Go benchmark with HALL_BENCH_CASES=N, then prints the README's
# Performance table in Markdown. Every figure is a ratio to a baseline
# measured in the same run, on the same machine:
#   - whole processes on the N-case hall against the same command on a
#     1,000-case hall built by the same run;
#   - `hall print session` on every core against GOMAXPROCS=1;
#   - Go benchmarks against BenchmarkBareBoltPut (one bbolt put + fsync)
#     and BenchmarkSessionPrintWorkers/workers=1 for the printing ones.
# The Go benchmarks run on the N hall itself (HALL_BENCH_DB with
# HALL_BENCH_SHARE=1, see internal/benchhall), one package at a time: no
# benchmark builds a hall of its own and none copies it (a million cases
# take ~14 GB).
# Environment: BENCHTIME (go test -benchtime, default 1s: a benchmark
# whose one run takes longer, a check of a million cases, runs once), BENCH (go test
# -bench pattern, default .), KEEP=1 keeps the work folder.
# A million: scripts/bench.sh 1000000 (see README, Performance).
set -euo pipefail
N=${1:-20000}
BENCHTIME=${BENCHTIME:-1s}
BENCH=${BENCH:-.}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hall-bench.XXXXXX")
[[ ${KEEP:-} == 1 ]] || trap 'rm -rf "$WORK"' EXIT
HALL="$WORK/hall"
(cd "$ROOT" && go build -o "$HALL" ./cmd/hall)
export HALL_LANG=en

# secs CMD...: wall seconds of one run of CMD (output discarded).
secs() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s.%N)
	echo "$t1 - $t0" | bc -l
}
# fmt_s S: seconds for the table.
fmt_s() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.0f ms", s*1000; else printf "%.2f s", s }'; }
# ratio A B: A/B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a/b; else print "-" }'; }
ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 |"); }

# The halls: a small one for the baselines, the N one.
SMALL="$WORK/small.db" BIG="$WORK/big.db"
t_small=$(secs "$HALL" --db "$SMALL" demo --cases 1000 --seed 1)
echo "building a hall of $N cases…" >&2
t0=$(date +%s.%N)
"$HALL" --db "$BIG" demo --cases "$N" --seed 1 >/dev/null
t_big=$(echo "$(date +%s.%N) - $t0" | bc -l)
per_small=$(echo "$t_small / 1000" | bc -l)
per_big=$(echo "$t_big / $N" | bc -l)
# What one more case costs, without the fixed part (the sessions, start-up).
marginal=$(echo "($t_big - $t_small) / ($N - 1000)" | bc -l)
row "\`hall demo --cases $N\`" "$(fmt_s "$t_big") ($(awk -v p="$per_big" 'BEGIN{printf "%.2f ms", p*1000}')/case)" \
	"$(ratio "$per_big" "$per_small") per case" "per case, against \`--cases 1000\` ($(fmt_s "$t_small")); at $(awk -v p="$marginal" 'BEGIN{printf "%.2f ms", p*1000}') a case more, 1M takes ~$(fmt_s "$(echo "$t_big + $marginal * (1000000 - $N)" | bc -l)")"

for cmd in "cases --search 王 --limit 20" "cases --status ready --limit 20" "check"; do
	# shellcheck disable=SC2086
	s=$(secs "$HALL" --db "$SMALL" $cmd)
	# shellcheck disable=SC2086
	b=$(secs "$HALL" --db "$BIG" $cmd)
	row "\`hall $cmd\` (whole process)" "$(fmt_s "$b")" "$(ratio "$b" "$s")" "against the 1,000-case hall"
done

# The desk through a real terminal (scripts/e2e-search.sh, tmux): the
# first frame, and every key of a name typed into the queue until its rows
# show, on the N hall against the 1,000-case one.
if command -v tmux >/dev/null && command -v jq >/dev/null; then
	e2e() { HALL="$HALL" COPY=0 LIMIT_MS=1000000 "$ROOT/scripts/e2e-search.sh" "$1" 2>&1 || true; }
	e2e "$SMALL" >"$WORK/e2e-small.txt"
	e2e "$BIG" >"$WORK/e2e-big.txt"
	frame() { sed -n 's/.*queue rows \([0-9]*\) ms.*/\1/p' "$1" | head -1; }
	keys() { sed -n "s/.*median \([0-9]*\) ms, max \([0-9]*\) ms.*/\\$2/p" "$1" | head -1; }
	fs=$(frame "$WORK/e2e-small.txt") fb=$(frame "$WORK/e2e-big.txt")
	if [[ -n $fs && -n $fb ]]; then
		row "desk first frame, start to queue rows (tmux)" "${fb} ms" "$(ratio "$fb" "$fs")" "against the 1,000-case hall (${fs} ms)"
	fi
	ms=$(keys "$WORK/e2e-small.txt" 1) mb=$(keys "$WORK/e2e-big.txt" 1) xs=$(keys "$WORK/e2e-small.txt" 2) xb=$(keys "$WORK/e2e-big.txt" 2)
	if [[ -n $ms && -n $mb ]]; then
		row "queue search, key to rows (tmux; median, max)" "${mb} ms, ${xb} ms" "$(ratio "$mb" "$ms"), $(ratio "$xb" "$xs")" "against the 1,000-case hall (${ms} ms, ${xs} ms); target < 100 ms"
	fi
else
	echo "tmux or jq missing: no terminal timings" >&2
fi

# Printing the closed session, serial against every core, on the N hall
# itself (a print is recorded in the case histories: both runs write the
# same records).
SESSION=$("$HALL" --db "$BIG" session list 2>/dev/null | awk '/closed/ { print $1; exit }')
if [[ -n $SESSION ]] && "$HALL" print --fonts >/dev/null 2>&1; then
	s=$(secs env GOMAXPROCS=1 "$HALL" --db "$BIG" print session "$SESSION" --out "$WORK/out1")
	b=$(secs "$HALL" --db "$BIG" print session "$SESSION" --out "$WORK/outn")
	docs=$(find "$WORK/outn" -name '*.pdf' | wc -l)
	kb=$(du -sk "$WORK/outn" | cut -f1)
	row "\`hall print session $SESSION\` ($docs PDFs, $((kb / docs)) KB each)" "$(fmt_s "$b")" "$(ratio "$b" "$s")" \
		"against GOMAXPROCS=1 ($(fmt_s "$s")); $(nproc) cores"
fi

# Go benchmarks.
echo "running the benchmarks (HALL_BENCH_CASES=$N, -benchtime $BENCHTIME)…" >&2
(cd "$ROOT" && HALL_BENCH_CASES=$N HALL_BENCH_DB="$BIG" HALL_BENCH_SHARE=1 go test -p 1 -run '^$' -bench "$BENCH" -benchtime "$BENCHTIME" -timeout 60m ./... 2>&1) >"$WORK/bench.txt" || true
base=$(awk '/^BenchmarkBareBoltPut/ { print $3; exit }' "$WORK/bench.txt")
pbase=$(awk '/^BenchmarkSessionPrintWorkers\/workers=1/ { print $3; exit }' "$WORK/bench.txt")
while read -r name _ ns _; do
	short=${name%-*}
	b=$base what="against BenchmarkBareBoltPut"
	if [[ $short == BenchmarkSessionPrintWorkers* && -n $pbase ]]; then
		b=$pbase what="against workers=1"
	fi
	row "\`$short\`" "$(awk -v n="$ns" 'BEGIN { if (n >= 1e9) printf "%.2f s", n/1e9; else if (n >= 1e6) printf "%.2f ms", n/1e6; else if (n >= 1e3) printf "%.1f µs", n/1e3; else printf "%d ns", n }')" \
		"$(ratio "$ns" "${b:-0}")" "$what"
done < <(awk '/^Benchmark/ && $4 == "ns/op" { print $1, $2, $3, $4 }' "$WORK/bench.txt")
if grep -q '^FAIL\|^--- FAIL' "$WORK/bench.txt"; then
	echo "some benchmarks failed:" >&2
	grep -B2 '^FAIL\|^--- FAIL' "$WORK/bench.txt" >&2 || true
fi

echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(awk -F: '/model name/ { gsub(/^ +/, "", $2); print $2; exit }' /proc/cpuinfo)), load average $(cut -d' ' -f1 /proc/loadavg) at the end, with \`scripts/bench.sh $N\`:"
echo
echo "| figure | result | ratio | baseline (same run) |"
echo "|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
