package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// demoBulk is `hall demo --cases N`: a city-sized hall of n cases built in
// large transactions, with a progress bar on stderr when it is a terminal.
func (a *app) demoBulk(w, errw io.Writer, st *casefile.Store, n int, seed uint64) error {
	start := time.Now()
	bar := newProgress(errw, n)
	var ibar *progress
	sum, err := meeting.FillBulk(st, a.who(), meeting.Bulk{Cases: n, Seed: seed,
		Progress: func(done, total int) { bar.show(done, a.t("个案件", "cases")) },
		Indexing: func(done, total int) {
			if ibar == nil {
				bar.clear()
				ibar = newProgress(errw, total)
			}
			ibar.show(done, a.t("条索引", "index entries"))
		}})
	bar.clear()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, a.t("演示数据已写入 %s：%d 个案件，用时 %s\n", "demo data written to %s: %d cases in %s\n"),
		st.Path(), sum.Cases, time.Since(start).Round(time.Millisecond))
	var counts casefile.Counts
	st.View(func(t *casefile.Tx) error { counts = t.Counts(); return nil })
	for _, s := range casefile.Statuses {
		if n := counts.ByStatus[s]; n > 0 {
			fmt.Fprintf(w, "  %s %s\n", padRight(s.Label(a.lang), 10), strconv.Itoa(n))
		}
	}
	fmt.Fprintf(w, a.t("已闭会研判会 %s（打印：hall print session %[1]s --out DIR），待开研判会 %s\n",
		"closed session %s (print: hall print session %[1]s --out DIR), open session %s\n"), sum.Closed, sum.Open)
	return nil
}
