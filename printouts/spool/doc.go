// Package spool puts the hall's printouts on disk: it turns a case or a
// closed session into the PDF jobs package printouts builds, writes each
// into a folder under a safe name, records the print in the history of
// every case it concerns, and optionally hands the files to a print queue
// (lp). A Desk does all of it over a *casefile.Store: it loads the font
// once, checks who may print, and prints a case's receipt or letter, a
// closed session's minutes or notice list, or all of a session's
// documents. The command line (hall print) and the screens (tui, through
// their Printing interface) both print through a Desk, so a document is
// named, written and recorded the same way wherever it is printed.
//
// A print that fails leaves no file and records nothing; a file that
// exists was recorded. Every error speaks the user's language through
// casefile.Message (or Message here, which also names the characters a
// font lacks).
//
// spool never imports tui: showing progress and results is the caller's
// job (a Progress callback reports how far a batch is).
package spool
