package frontdesk

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// damagedCounts is a store whose home counters meet a damaged database.
type damagedCounts struct {
	Store
	err error
}

func (s damagedCounts) Counts() (casefile.Counts, error) { return casefile.Counts{}, s.err }

// A damaged database met by a page fills the window: what happened in
// the user's language, what to do (hall restore from a backup), the key
// that quits — never a stack trace; no other key reaches a page.
func TestDamagedDatabaseScreen(t *testing.T) {
	st := openStore(t, true)
	damage := casefile.ErrDatabaseCorrupt.Withf("hall.db：第 7 页的页头无法识别", "hall.db: the header of page 7 is unreadable")
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				d := newDriver(t, damagedCounts{NewStore(st), damage}, lang, sz[0], sz[1])
				v := d.view()
				want := map[casefile.Lang][]string{
					casefile.ZH: {"数据库文件已损坏", "hall.db：第 7 页的页头无法识别", "hall restore", "按 ctrl+c 退出"},
					casefile.EN: {"The database file is damaged", "hall.db: the header of page 7 is unreadable", "hall restore", "Press ctrl+c to quit"},
				}[lang]
				for _, w := range want {
					if !strings.Contains(flatView(v), w) {
						t.Errorf("the screen lacks %q:\n%s", w, v)
					}
				}
				before := d.m.active
				d.press("1") // the intake: not reached
				if d.m.active != before || d.view() != v {
					t.Errorf("a key reached the pages:\n%s", d.view())
				}
				tuitest.CheckFrame(t, v, sz[0], sz[1])
				tuitest.CheckSpeaks(t, v, lang, nil)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// flatView joins the screen's lines without the spaces between words, so
// that wrapped text reads whole.
func flatView(v string) string {
	var b strings.Builder
	for _, l := range strings.Split(v, "\n") {
		b.WriteString(strings.TrimSpace(l) + " ")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// A real damaged page: the database file's cases tree has a flipped page
// header; the queue reads it and the front desk shows the damage on its
// whole window instead of dying; ctrl+c still quits.
func TestDamagedPageOnTheFrontDesk(t *testing.T) {
	st := openStore(t, true)
	path := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	casefiletest.DamagePageHeader(t, path, "cases")
	cat, _ := casefile.DefaultCatalog()
	damaged, err := casefile.Open(path, cat, casefile.Options{Now: clock, NoSync: true})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { damaged.Close() })
	d := newDriver(t, NewStore(damaged), casefile.EN, 100, 30)
	d.press("2") // the queue lists the cases
	v := flatView(d.view())
	if !strings.Contains(v, "The database file is damaged") || !strings.Contains(v, "restore it from a backup with hall restore") ||
		strings.Contains(v, "goroutine") {
		t.Fatalf("the damage is not on the whole window:\n%s", d.view())
	}
	if !d.m.shell.Damaged() {
		t.Fatal("the shell does not know the damage")
	}
}
