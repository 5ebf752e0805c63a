package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts/linebreak"
)

// app holds the global options and what every subcommand shares.
type app struct {
	print       screenPrintOptions // the front desk's printing flags
	dbPath      string
	langFlag    string
	catalogPath string
	lang        casefile.Lang
	stdin       io.Reader
}

// run builds the command tree, executes it with args and returns the exit
// code. Errors are printed once, in the user's language.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin}
	root := a.newRootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "hall: %s\n", casefile.Message(err, a.lang))
	return 1
}

// exitError ends a command with a code and an already localised message.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func (a *app) newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "hall",
		Short: "融救助中心 — integrated social-assistance hall: front desk, verification, adjudication meetings",
		Long: `hall runs the front desk and the adjudication meetings of a county's integrated
social-assistance hall (融救助中心): one window for every assistance project.

Without a subcommand it opens the front desk (terminal UI) on the database.
What the screens print (p on the saved intake, in a case, in a closed
meeting, or on the print page) is written to --print-dir, by default the
folder hall-print beside the database, and recorded in the case history.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return a.setup()
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runFrontDesk(cmd)
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&a.dbPath, "db", "", "database file (env HALL_DB; default "+casefile.DefaultDBPath()+")")
	f.StringVar(&a.langFlag, "lang", "", "language of screens and messages: zh or en (env HALL_LANG; default zh)")
	f.StringVar(&a.catalogPath, "catalog", "", "policy catalogue TOML file (env HALL_CATALOG; default: the embedded one)")
	a.print.addFlags(root)
	root.AddCommand(
		a.newCatalogCommand(),
		a.newImportCommand(),
		a.newCasesCommand(),
		a.newCaseCommand(),
		a.newDedupCommand(),
		a.newDemoCommand(),
		a.newBackupCommand(),
		a.newRestoreCommand(),
		a.newCheckCommand(),
		a.newUserCommand(),
		a.newAuditCommand(),
		a.newSessionCommand(),
		a.newPrintCommand(),
		a.newServeCommand(),
		a.newMeetingCommand(),
	)
	return root
}

// setup resolves the language and database path from flags and the
// environment.
func (a *app) setup() error {
	l := a.langFlag
	if l == "" {
		l = os.Getenv("HALL_LANG")
	}
	lang, err := casefile.ParseLang(l)
	if err != nil {
		return err
	}
	a.lang = lang
	if a.dbPath == "" {
		a.dbPath = os.Getenv("HALL_DB")
	}
	if a.dbPath == "" {
		a.dbPath = casefile.DefaultDBPath()
	}
	return nil
}

// catalog loads the catalogue named by --catalog / HALL_CATALOG or the
// embedded default.
func (a *app) catalog() (*casefile.Catalog, error) {
	return casefile.LoadCatalogFrom(a.catalogPath)
}

// open opens the store read-write (or read-only).
func (a *app) open(readOnly bool) (*casefile.Store, error) {
	cat, err := a.catalog()
	if err != nil {
		return nil, err
	}
	if readOnly {
		if _, err := os.Stat(a.dbPath); errors.Is(err, os.ErrNotExist) {
			// a fresh database is created empty so the user sees "no cases"
			readOnly = false
		}
	}
	return casefile.Open(a.dbPath, cat, casefile.Options{ReadOnly: readOnly})
}

// who names the local user in history entries.
func who() string {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	if name == "" {
		name = "admin"
	}
	return "local:" + name
}

// t picks the text in the current language.
func (a *app) t(zh, en string) string {
	if a.lang == casefile.EN {
		return en
	}
	return zh
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// padRight pads s with blanks to width display cells (CJK counts double).
func padRight(s string, width int) string {
	if n := linebreak.Width(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// table prints rows aligned by display width (CJK counts double).
func table(w io.Writer, header []string, rows [][]string) {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			if n := linebreak.Width(c); i < len(widths) && n > widths[i] {
				widths[i] = n
			}
		}
	}
	line := func(r []string) {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			if i < len(r)-1 {
				c = padRight(c, widths[i])
			}
			b.WriteString(c)
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
}
