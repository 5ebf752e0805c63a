package main

import (
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// meetingTick is how often the console redraws the time spent in the
// session.
const meetingTick = 30 * time.Second

func (a *app) newMeetingCommand() *cobra.Command {
	var po screenPrintOptions
	cmd := &cobra.Command{
		Use:   "meeting [NUMBER]",
		Short: a.t("打开研判会控制台（终端界面）：出席、议程、表决、决定、闭会", "Open the meeting console (terminal UI): attendance, agenda, votes, decisions, closing"),
		Long: a.t(`在数据库上打开综合研判会控制台：选择进行中的研判会或召开新会，登记出席（实时
显示是否达到法定人数），生成议程，逐案登记每位成员的表决或回避以及决定，最后
闭会并冻结会议记录。给出 NUMBER 时直接打开该研判会。没有研判委员会时按政策
目录的部门设立默认委员会（见 "hall session committee"）。在已闭会的研判会上按
p 把全部决定书、会议纪要和公示名单打印到 --print-dir（默认：数据库旁的
hall-print），每份都记入案件办理记录。`, `Open the console of the adjudication meeting on the database: pick an
open session or open a new one, take attendance (the quorum is shown live),
build the agenda, go through the cases recording each member's vote or
recusal and the decision, then close the session, which freezes its record.
With NUMBER the session opens at once. The default committee is set up from
the catalogue's departments when there is none (see "hall session committee").
On a closed session p prints every letter, the minutes and the notice list
into --print-dir (default: hall-print beside the database), each recorded in
the case histories.`),
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				if _, err := a.committee(cmd.ErrOrStderr(), m); err != nil {
					return err
				}
				return a.runConsole(cmd, st, m, &po, args)
			})
		},
	}
	po.addFlags(a, cmd)
	return cmd
}

// terminal returns the streams a terminal UI reads and draws on: nil for
// the process's own terminal, the command's streams in tests.
func (a *app) terminal(cmd *cobra.Command) (io.Reader, io.Writer) {
	in, out := a.stdin, cmd.OutOrStdout()
	if in == io.Reader(os.Stdin) {
		in = nil
	}
	if out == io.Writer(os.Stdout) {
		out = nil
	}
	return in, out
}
