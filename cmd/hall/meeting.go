package main

import (
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui"
)

// meetingTick is how often the console redraws the time spent in the
// session.
const meetingTick = 30 * time.Second

func (a *app) newMeetingCommand() *cobra.Command {
	var po screenPrintOptions
	cmd := &cobra.Command{
		Use:   "meeting [NUMBER]",
		Short: "Open the meeting console (terminal UI): attendance, agenda, votes, decisions, closing",
		Long: `Open the console of the adjudication meeting (综合研判会) on the database: pick an
open session or open a new one, take attendance (the quorum is shown live),
build the agenda, go through the cases recording each member's vote or
recusal and the decision, then close the session, which freezes its record.
With NUMBER the session opens at once. The default committee is set up from
the catalogue's departments when there is none (see "hall session committee").
On a closed session p prints every letter, the minutes and the notice list
into --print-dir (default: hall-print beside the database), each recorded in
the case histories.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				if _, err := a.committee(cmd.ErrOrStderr(), m); err != nil {
					return err
				}
				opts := []tui.MeetingOption{tui.WithTick(meetingTick), tui.WithRoot(tui.WithPrinting(a.screenPrinting(st, &po, false)))}
				if len(args) == 1 {
					opts = append(opts, tui.WithSession(args[0]))
				}
				if in, out := a.terminal(cmd); in != nil || out != nil {
					opts = append(opts, tui.WithRoot(tui.WithIO(in, out)))
				}
				return tui.RunMeeting(tui.NewMeetingStore(m), a.lang, who(), opts...)
			})
		},
	}
	po.addFlags(cmd)
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
