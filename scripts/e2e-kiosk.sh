#!/usr/bin/env bash
# End-to-end: the front desk as a counter kiosk in tmux. An applicant is
# half typed, the kiosk is left idle: the screen goes to "请稍候 / 下一位"
# and shows no applicant data; ctrl+c, ctrl+z and q do not end it; a
# resize is drawn; the administrator's code does, and the clerk's draft
# was kept.
# Usage: scripts/e2e-kiosk.sh   (needs tmux; exits non-zero on any mismatch)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
sock="hall-e2e-kiosk-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/hall" ./cmd/hall
db="$work/hall.db"
code=4711
cat >"$work/hall.toml" <<TOML
kiosk = true
kiosk_idle = "2s"
kiosk_code_sha256 = "$(printf %s "$code" | sha256sum | cut -d' ' -f1)"
TOML

id=610602198001011234
name=王秀英

t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t k; }
fail() { echo "e2e-kiosk: $1" >&2; screen >&2; exit 1; }
wait_for() {
	for _ in $(seq 100); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	fail "the screen never showed: $1"
}
running() { t list-panes -t k -F '#{pane_dead}' 2>/dev/null | grep -qx 0; }
keys() { t send-keys -t k "$@"; sleep 0.2; }
text() { t send-keys -t k -l "$1"; sleep 0.2; }

t new-session -d -s k -x 100 -y 30 "$work/hall --db $db; echo HALL-EXITED; sleep 30"
t set-option -t k remain-on-exit on
wait_for "前台受理"
keys 1
wait_for "身份证号"
text "$id"
keys Tab; text "$name"
wait_for "$name"

# idle: the neutral page, no applicant data anywhere on the screen
sleep 3
wait_for "下一位"
s=$(screen)
for leak in "$name" "$id" "${id:14}" "19800101" "1980-01-01" "有效"; do
	grep -qF -- "$leak" <<<"$s" && fail "the idle screen shows $leak"
done

# the keys that end other programs do not end the kiosk: the first
# wakes it (any key does), the next asks for the administrator's code
keys C-c
wait_for "前台受理"
screen | grep -qF -- "$name" && fail "waking the kiosk brought back $name"
keys C-c
wait_for "管理员代码"
keys Escape
sleep 0.3
keys C-z
keys q
wait_for "前台受理"
screen | grep -qF HALL-EXITED && fail "ctrl+c / ctrl+z / q ended the kiosk"
running || fail "the kiosk is gone"

# a resize is drawn
t resize-window -t k -x 60 -y 20 2>/dev/null || true
sleep 0.5
keys Escape
sleep 2.5
wait_for "请稍候"
for leak in "$name" "${id:14}"; do
	screen | grep -qF -- "$leak" && fail "after the resize the idle screen shows $leak"
done

# the administrator's code leaves
keys C-c
wait_for "前台受理"
keys C-c
wait_for "管理员代码"
text "$code"
keys Enter
wait_for HALL-EXITED
t kill-server 2>/dev/null || true

"$work/hall" --db "$db" cases >/dev/null
echo "e2e-kiosk: ok"
