package main

import (
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// runFrontDesk opens the front desk (the terminal UI) on the database:
// `hall` with no subcommand. A database held by another process or a
// damaged file is reported in the user's language before any screen is
// drawn.
func (a *app) runFrontDesk(cmd *cobra.Command) error {
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	return a.withStore(false, func(st *casefile.Store) error {
		// other hall commands run here while the front desk holds the file
		stopOwner := a.startOwnerOrNote(st, cmd.ErrOrStderr())
		defer stopOwner()
		opts := append(consoleOptions(st), frontdesk.WithPrinting(a.screenPrinting(st, &a.print, false)))
		if a.kiosk || cfg.Kiosk {
			opts = append(opts, frontdesk.WithKiosk(frontdesk.Kiosk{Idle: cfg.KioskIdle.Duration, Unlock: cfg.kioskUnlock()}))
		}
		// The terminal is used as it is; tests hand in their own streams.
		in, out := a.stdin, cmd.OutOrStdout()
		if in == io.Reader(os.Stdin) {
			in = nil
		}
		if out == io.Writer(os.Stdout) {
			out = nil
		}
		if in != nil || out != nil {
			opts = append(opts, frontdesk.WithIO(in, out))
		}
		return frontdesk.Run(frontdesk.NewStore(st), a.lang, a.who(), opts...)
	})
}
