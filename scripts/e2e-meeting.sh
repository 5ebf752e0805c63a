#!/usr/bin/env bash
# End-to-end: the real binary's meeting console in tmux (100×30) on a demo
# database. Attendance is taken, every present member votes (one
# disagreeing with a reason), the first case is decided; the screen is
# checked, then the store through the CLI.
# Usage: scripts/e2e-meeting.sh   (needs tmux; exits non-zero on any mismatch)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
sock="hall-e2e-meeting-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/hall" ./cmd/hall
db="$work/hall.db"
"$work/hall" --db "$db" demo >/dev/null
session=YH2026-002 # the demo's open session: 15 of 17 present
# the first case on its agenda and the agenda's length: the demo's people
# are generated for the day it runs
cases=$("$work/hall" --db "$db" session show "$session" --json | grep -o '"case": *"[^"]*"' | cut -d'"' -f4)
case=$(head -n1 <<<"$cases")
n=$(wc -l <<<"$cases")
reason="收入情况需再核实"

t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t e2e; }
fail() {
	echo "e2e-meeting: $1" >&2
	screen >&2 || true
	exit 1
}
# wait_for TEXT: poll the screen up to 10 s.
wait_for() {
	for _ in $(seq 100); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	fail "the screen never showed: $1"
}
keys() { t send-keys -t e2e "$@"; sleep 0.2; }
text() { t send-keys -t e2e -l "$1"; sleep 0.2; }

t new-session -d -s e2e -x 100 -y 30 "LANG=C.UTF-8 $work/hall --db $db meeting"
wait_for "综合研判会"
wait_for "$session"
keys Enter
wait_for "出席 15/17，已达法定人数"

# attendance: the two absent members (the 16th and 17th) arrive, in one
# burst of keys
keys Right Right Right Right Right Right Right Right Right Right Right Right Right Right Right Space Right Space
wait_for "出席 17/17，已达法定人数"
screen | grep -qF "[ ] 林秋菊" && fail "林秋菊 still absent"

# the walkthrough: the chair disagrees with a reason, the others agree
keys w
wait_for "$case"
wait_for "a 同意"
keys d
wait_for "请写明理由"
keys Enter # an empty reason is refused by the domain
wait_for "须写明理由"
text "$reason"
keys Enter
wait_for "已记录：王建国 不同意"
text "aaaaaaaaaaaaaaaa"
wait_for "同意 16  不同意 1  弃权 0  回避 0  未投 0"
wait_for "按规则拟：批准"

# decide: the rules' approval, confirmed
keys Enter
wait_for "决定 $case"
keys Enter
wait_for "按表决结果批准并记录？"
keys y
wait_for "已决定 $case：已批准"
wait_for "已决 1/$n"
screen >"$work/screen.txt"
grep -qF "已决定：已批准" "$work/screen.txt" || fail "the decision is not shown"
keys C-c
sleep 0.5
t kill-server 2>/dev/null || true

json=$("$work/hall" --db "$db" session show "$session" --json)
item=$(jq -c --arg c "$case" '.agenda[] | select(.case == $c)' <<<"$json" 2>/dev/null) ||
	item=$(grep -F -- "$case" -A100000 <<<"$json")
for want in "\"reason\":\"$reason\"" '"choice":"disagree"' '"result":"approved"'; do
	grep -qF -- "$want" <<<"${item// /}" || { echo "e2e-meeting: stored item lacks $want" >&2; echo "$item" >&2; exit 1; }
done
votes=$(grep -o '"choice":"agree"' <<<"${item// /}" | wc -l)
[ "$votes" -eq 16 ] || { echo "e2e-meeting: $votes agreeing votes stored, want 16" >&2; exit 1; }
"$work/hall" --db "$db" case show "$case" --json | grep -qF '"status": "approved"' ||
	{ echo "e2e-meeting: case $case is not approved in the case file" >&2; exit 1; }
echo "e2e-meeting: ok ($session, $case approved)"
