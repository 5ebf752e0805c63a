package main

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// printDirName is the folder the screens print into, beside the database,
// unless --print-dir names another.
const printDirName = "hall-print"

// screenPrintOptions are the printing flags of the commands with screens
// (hall, hall meeting, hall serve): the receipt after an intake, a case's
// receipt or letter, a closed session's documents.
type screenPrintOptions struct {
	font    string // --font: PATH or PATH:INDEX
	dir     string // --print-dir
	printer string // --printer: a print queue for lp
}

// addFlags adds the printing flags to cmd.
func (o *screenPrintOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.font, "font", "", "Chinese TrueType font the screens print with, PATH or PATH:INDEX for a .ttc collection (env HALL_FONT; default: found on the system)")
	f.StringVar(&o.dir, "print-dir", "", "folder the screens write PDFs to (default: "+printDirName+" beside the database)")
	f.StringVar(&o.printer, "printer", "", "also send every PDF printed on the screens to this print queue (lp -d NAME)")
}

// screenPrinting is the printing of the screens over st. Files go to
// --print-dir or hall-print beside the database; onServer names this
// machine in what the screens say (hall serve: the user sits elsewhere).
func (a *app) screenPrinting(st *casefile.Store, o *screenPrintOptions, onServer bool) frontdesk.Printing {
	dir := o.dir
	if dir == "" {
		dir = filepath.Join(filepath.Dir(a.dbPath), printDirName)
	}
	host := ""
	if onServer {
		if host, _ = os.Hostname(); host == "" {
			host = "localhost"
		}
	}
	return frontdesk.NewPrinting(st, frontdesk.PrintConfig{Font: o.font, Dir: dir, Printer: o.printer, Host: host})
}
