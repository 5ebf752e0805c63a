package main

import "github.com/spf13/cobra"

// runFrontDesk opens the front desk. Until the terminal UI lands it prints
// the help.
func (a *app) runFrontDesk(cmd *cobra.Command) error {
	return cmd.Help()
}
