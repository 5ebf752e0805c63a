package console

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// damagedSessions is a store whose list of sessions meets a damaged
// database.
type damagedSessions struct{ Store }

func (damagedSessions) Sessions() ([]*meeting.Session, error) {
	return nil, casefile.ErrDatabaseCorrupt.Withf("页头无法识别", "a page header is unreadable")
}

// The meeting console shows a damaged database on its whole window, in
// the user's language, like the front desk (the shell both share).
func TestConsoleDamagedDatabase(t *testing.T) {
	_, ms := openMeeting(t)
	for lang, want := range map[casefile.Lang][]string{
		casefile.ZH: {"数据库文件已损坏", "hall restore", "按 ctrl+c 退出"},
		casefile.EN: {"The database file is damaged", "hall restore", "Press ctrl+c to quit"},
	} {
		m := New(damagedSessions{NewStore(ms)}, lang, tuitest.TestUser, WithRoot(frontdesk.WithClock(tuitest.Clock)))
		d := tuitest.NewDriver(t, m)
		d.Run(m.Init())
		d.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
		v := d.View()
		for _, w := range want {
			if !strings.Contains(v, w) {
				t.Errorf("%s: the screen lacks %q:\n%s", lang, w, v)
			}
		}
		tuitest.CheckSpeaks(t, v, lang, nil)
	}
}
