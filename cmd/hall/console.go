package main

import (
	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/console"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// consoleOptions are the front desk options that plug in the meeting
// console: the home screen's meeting tile opens it (hall, hall serve).
func consoleOptions(st *casefile.Store) []frontdesk.Option {
	return []frontdesk.Option{frontdesk.WithMeeting(console.Page(console.NewStore(meeting.New(st)), console.WithTick(meetingTick))),
		reportsOption(st)}
}

// runConsole runs the meeting console on its own (hall meeting), opening
// session args[0] at once when it is given.
func (a *app) runConsole(cmd *cobra.Command, st *casefile.Store, m *meeting.Store, po *screenPrintOptions, args []string) error {
	opts := []console.Option{console.WithTick(meetingTick), console.WithRoot(frontdesk.WithPrinting(a.screenPrinting(st, po, false)))}
	if len(args) == 1 {
		opts = append(opts, console.WithSession(args[0]))
	}
	if in, out := a.terminal(cmd); in != nil || out != nil {
		opts = append(opts, console.WithRoot(frontdesk.WithIO(in, out)))
	}
	return console.Run(console.NewStore(m), a.lang, a.who(), opts...)
}
