package main

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts/spool"
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
func (o *screenPrintOptions) addFlags(a *app, cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.font, "font", "", a.t("界面打印所用的中文 TrueType 字体，PATH 或 .ttc 字体集的 PATH:INDEX（环境变量 HALL_FONT；默认：在系统中查找）", "Chinese TrueType font the screens print with, PATH or PATH:INDEX for a .ttc collection (env HALL_FONT; default: found on the system)"))
	f.StringVar(&o.dir, "print-dir", "", a.t("界面打印的 PDF 存放文件夹（默认：数据库旁的 "+printDirName+"）", "folder the screens write PDFs to (default: "+printDirName+" beside the database)"))
	f.StringVar(&o.printer, "printer", "", a.t("界面打印的每份 PDF 同时送到此打印队列（lp -d NAME）", "also send every PDF printed on the screens to this print queue (lp -d NAME)"))
}

// screenPrinting is the printing of the screens over st. Files go to
// --print-dir or hall-print beside the database; onServer names this
// machine in what the screens say (hall serve: the user sits elsewhere).
func (a *app) screenPrinting(st *casefile.Store, o *screenPrintOptions, onServer bool) *spool.Desk {
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
	return spool.NewDesk(st, spool.Config{Font: o.font, Dir: dir, Printer: o.printer, Host: host})
}
