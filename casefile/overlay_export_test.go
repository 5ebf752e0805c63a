package casefile

import "time"

// HoldCatchUp makes every store of the process leave its pending entries
// unwritten until Close or CatchUp: the crash harness's writer, so that
// its kills land between saves and their catch-up.
func HoldCatchUp() {
	catchUpIdle, catchUpAge = time.Hour, time.Hour
	maxPending, maxPendingBytes = 1<<40, 1<<40
}
