package console

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// The meeting console prints a closed session with the progress on
// screen, then the summary (where the files are, on which machine).
func TestMeetingPrintsTheSessionWithProgress(t *testing.T) {
	_, ms := openMeeting(t)
	pr := blockingPrinting{release: make(chan struct{})}
	d := newMtgConsole(t, ms, casefile.ZH, 100, 30, WithRoot(frontdesk.WithPrinting(pr)))
	d.Press("down", "enter")
	d.Must("p 打印决定书和会议纪要")
	_, cmd := d.m.Update(tuitest.KeyMsg("p"))
	msgs := tuitest.RunCmd(cmd) // the run starts and reports its progress
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want the progress", len(msgs))
	}
	_, next := d.m.Update(msgs[0])
	d.Must("正在打印研判会 "+tuitest.DemoClosed+" 的文书 [", "] 1/4")
	d.m.Update(tuitest.KeyMsg("p"))
	d.Must("正在打印，请稍候")
	close(pr.release)
	d.Run(next)
	d.Must("研判会 "+tuitest.DemoClosed+"：已打印决定书 2 份", "保存在 /srv/hall-print（在服务器 hallserver 上）", "暂缓 1 件不出具文书")
}

// blockingPrinting prints a session in two steps, so a test sees the
// progress before the end.
type blockingPrinting struct {
	frontdesk.Printing
	release chan struct{}
}

func (b blockingPrinting) Session(number, who string, progress func(done, total int)) (frontdesk.SessionPrinted, error) {
	progress(1, 4)
	<-b.release
	progress(4, 4)
	return frontdesk.SessionPrinted{Session: number, Dir: "/srv/hall-print", Host: "hallserver", Approvals: 2, Minutes: 1, Notices: 1,
		Published: 2, Deferred: []string{"2026-000009"}, Files: 4}, nil
}
