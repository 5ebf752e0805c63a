#!/usr/bin/env bash
# End-to-end: the real binary in tmux, an intake typed as a person types it,
# the screen checked, then the store checked through the CLI.
# Usage: scripts/e2e-intake.sh   (needs tmux; exits non-zero on any mismatch)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
sock="hall-e2e-intake-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/hall" ./cmd/hall
db="$work/hall.db"

# A valid resident number (GB 11643 check character 4).
id=610602198001011234

t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t e2e; }
# wait_for TEXT: poll the screen up to 10 s.
wait_for() {
	for _ in $(seq 100); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "e2e-intake: the screen never showed: $1" >&2
	screen >&2
	exit 1
}
keys() { t send-keys -t e2e "$@"; sleep 0.2; }
text() { t send-keys -t e2e -l "$1"; sleep 0.2; }

t new-session -d -s e2e -x 100 -y 30 "$work/hall --db $db"
wait_for "前台受理"
keys 1
wait_for "身份证号"
text "$id"
wait_for "有效：男，1980-01-01 出生"
keys Tab; text "王秀英"
keys Tab; text "13912345678"
keys Tab; text "城关镇"
keys F2; text "mz-01"; keys Space
sleep 0.3 # Escape followed at once by another key arrives as alt+key
keys Escape
wait_for "MZ-01"
wait_for "城市最低生活保障"
keys C-s
wait_for "确认受理"
keys y
wait_for "受理成功"
number=$(screen | grep -oE '[0-9]{4}-[0-9]{6}' | head -1)
[ -n "$number" ] || { echo "e2e-intake: no case number on the screen" >&2; screen >&2; exit 1; }
screen | grep -qF "610602********" || { echo "e2e-intake: ID not masked after saving" >&2; exit 1; }
keys C-c
sleep 0.5
t kill-server 2>/dev/null || true

json=$("$work/hall" --db "$db" case show "$number" --json)
for want in '"name": "王秀英"' '"project": "MZ-01"' '"township": "城关镇"' '"action": "intake"' "\"number\": \"$number\""; do
	grep -qF -- "$want" <<<"$json" || { echo "e2e-intake: stored case lacks $want" >&2; echo "$json" >&2; exit 1; }
done
echo "e2e-intake: ok ($number)"
