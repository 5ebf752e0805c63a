package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// Exit codes of hall (README.md, "Exit codes").
const (
	exitOK      = 0 // done
	exitFailed  = 1 // any other error
	exitUsage   = 2 // unknown command or flag, wrong number of arguments, bad flag or argument value
	exitLocked  = 3 // the database is held by another process
	exitDamaged = 4 // the database file is damaged, or its check failed
	exitNotSent = 5 // a PDF was written and recorded but could not be sent to the printer
)

// exitError ends a command with a code and an already localised message.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// usageError is a command used wrongly: a bad argument or flag value the
// command itself found.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// runError is an error of a command's work (its RunE), as opposed to
// one of cobra's own: an unknown command or flag, a wrong number of
// arguments, an unparsable or missing flag value, which are usage errors.
type runError struct{ err error }

func (e runError) Error() string { return e.err.Error() }
func (e runError) Unwrap() error { return e.err }

// exitCode is the exit code for err (nil: exitOK).
func exitCode(err error) int {
	var ee exitError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, casefile.ErrDatabaseLocked):
		return exitLocked
	case errors.Is(err, casefile.ErrDatabaseCorrupt), errors.Is(err, casefile.ErrCheckFailed):
		return exitDamaged
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, new(usageError)), !errors.As(err, new(runError)):
		return exitUsage
	}
	return exitFailed
}

// markRunErrors wraps the RunE of cmd and of every command below it so
// that the errors of their work are told apart from cobra's usage errors.
func markRunErrors(cmd *cobra.Command) {
	if run := cmd.RunE; run != nil {
		cmd.RunE = func(cmd *cobra.Command, args []string) error {
			if err := run(cmd, args); err != nil {
				return runError{err}
			}
			return nil
		}
	}
	for _, c := range cmd.Commands() {
		markRunErrors(c)
	}
}
