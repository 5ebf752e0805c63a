package main

import (
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
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
			st, m, err := a.openMeeting(false)
			if err != nil {
				return err
			}
			defer st.Close()
			if _, err := a.committee(cmd.ErrOrStderr(), m); err != nil {
				return err
			}
			return a.runConsole(cmd, st, m, &po, args)
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
