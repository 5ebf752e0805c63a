package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"time"

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
	configFile  string // --config: the settings file (config.go)
	kiosk       bool   // --kiosk: the front desk runs as a kiosk
	lang        casefile.Lang
	stdin       io.Reader
	stderr      io.Writer // notes outside a command's own output (a tightened file mode)

	// The owner of the database file (owner.go) runs clients' commands
	// in-process: owned is its open store (never closed by a command),
	// login the client's OS login, cwd the client's working directory.
	owned   *casefile.Store
	login   string
	cwd     string
	actor   string         // who the run acts as (a user mapped to the login), "" until known
	current *cobra.Command // the command running, set before it runs
}

// run builds the command tree, executes it with args and returns the exit
// code. Errors are printed once, in the user's language. A command that
// finds the database held by an owner (hall serve, the front desk) is
// sent to the owner, which runs it and gives back its output and code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stderr: stderr, lang: preLang(args, os.Getenv("HALL_LANG"))}
	code, viaOwner := a.execute(args, stdout, stderr)
	if viaOwner {
		return a.forward(args, stdout, stderr)
	}
	return code
}

// execute runs args on a and returns the exit code, or viaOwner when the
// database is held by an owner that takes the command instead.
func (a *app) execute(args []string, stdout, stderr io.Writer) (code int, viaOwner bool) {
	root := a.newRootCommand()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	if errors.Is(err, errViaOwner) {
		return 0, true
	}
	code = exitCode(err)
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
	default:
		fmt.Fprintf(stderr, "hall: %s\n", casefile.Message(err, a.lang))
		if code == exitUsage {
			if cmd == nil {
				cmd = root
			}
			fmt.Fprintf(stderr, a.t("用法见 %s --help\n", "see %s --help for usage\n"), cmd.CommandPath())
		}
	}
	return code, false
}

// preLang is the language of the help and of the errors found before the
// command runs: --lang in args (--lang X or --lang=X), else env (the
// value of HALL_LANG), else Chinese; a language that is not known is
// Chinese here and refused once the command runs.
func preLang(args []string, env string) casefile.Lang {
	l := env
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			break
		}
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			l = v
		} else if arg == "--lang" && i+1 < len(args) {
			l = args[i+1]
			i++
		}
	}
	lang, err := casefile.ParseLang(l)
	if err != nil {
		return casefile.ZH
	}
	return lang
}

func (a *app) newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "hall",
		Short: a.t("融救助中心：前台受理、入户核查、综合研判会", "Integrated social-assistance hall: front desk, verification, adjudication meetings"),
		Long: a.t(`hall 运行县融救助中心的前台和综合研判会：所有救助项目在一个窗口办理。

不带子命令时在数据库上打开前台（终端界面）。界面上打印的文书（保存受理后、
案件中、已闭会的研判会中或打印页上按 p）写入 --print-dir，默认为数据库旁的
hall-print 文件夹，并记入案件办理记录。`, `hall runs the front desk and the adjudication meetings of a county's integrated
social-assistance hall: one window for every assistance project.

Without a subcommand it opens the front desk (terminal UI) on the database.
What the screens print (p on the saved intake, in a case, in a closed
meeting, or on the print page) is written to --print-dir, by default the
folder hall-print beside the database, and recorded in the case history.`),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Name() == cobra.ShellCompRequestCmd || cmd.Name() == cobra.ShellCompNoDescRequestCmd {
				return nil // it parses no flags: the language is preLang's
			}
			a.current = cmd
			return a.setup()
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runFrontDesk(cmd)
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&a.dbPath, "db", "", a.t("数据库文件（环境变量 HALL_DB；默认 "+casefile.DefaultDBPath()+"）", "database file (env HALL_DB; default "+casefile.DefaultDBPath()+")"))
	f.StringVar(&a.langFlag, "lang", "", a.t("界面和消息的语言：zh 或 en（环境变量 HALL_LANG；默认 zh）", "language of screens and messages: zh or en (env HALL_LANG; default zh)"))
	f.StringVar(&a.catalogPath, "catalog", "", a.t("政策目录 TOML 文件（环境变量 HALL_CATALOG；默认：内置目录）", "policy catalogue TOML file (env HALL_CATALOG; default: the embedded one)"))
	f.StringVar(&a.configFile, "config", "", a.t("设置文件（环境变量 HALL_CONFIG；默认：数据库旁的 hall.toml）", "settings file (env HALL_CONFIG; default: hall.toml beside the database)"))
	root.Flags().BoolVar(&a.kiosk, "kiosk", false, a.t("窗口专用机：空闲后回到“请稍候 / 下一位”页，退出需管理员代码（同设置 kiosk = true）", "counter kiosk: back to a neutral \"please wait / next\" page when idle; leaving needs an administrator's code (same as kiosk = true in the settings)"))
	root.RegisterFlagCompletionFunc("lang", a.completeLang)
	a.print.addFlags(a, root)
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
		a.newVerifyCommand(),
		a.newSessionCommand(),
		a.newPrintCommand(),
		a.newServeCommand(),
		a.newMeetingCommand(),
		a.newVersionCommand(),
		a.newReportCommand(),
		a.newFollowUpsCommand(),
		a.newDiscoverCommand(),
		a.newWarningsCommand(),
		a.newHelpersCommand(),
		a.newPublicityCommand(),
		a.newRosterCommand(),
		a.newReviewCommand(),
		a.newAidCommand(),
	)
	root.Version = a.versionLine(readBuildVersion())
	root.SetVersionTemplate("{{.Version}}\n")
	a.localize(root)
	markRunErrors(root)
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

// open opens the store read-write (or read-only). Inside the owner it is
// the owner's open store. When another process owns the file, a command
// that may run there is sent to it (errViaOwner).
func (a *app) open(readOnly bool) (*casefile.Store, error) {
	if a.owned != nil {
		return a.owned, nil
	}
	cat, err := a.catalog()
	if err != nil {
		return nil, err
	}
	if err := a.tightenDB(a.dbPath, a.stderr); err != nil {
		return nil, err
	}
	if a.mayForward() && ownerAnswers(ownerSocket(a.dbPath)) {
		return nil, errViaOwner
	}
	st, err := a.openFile(cat, readOnly)
	if errors.Is(err, casefile.ErrDatabaseLocked) && a.mayForward() && ownerAnswers(ownerSocket(a.dbPath)) {
		return nil, errViaOwner
	}
	if err != nil {
		return nil, err
	}
	if err := a.actAs(st); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// release closes a store open returned, unless it is the owner's.
func (a *app) release(st *casefile.Store) error {
	if st == a.owned {
		return nil
	}
	return st.Close()
}

// openFile opens the database file itself.
func (a *app) openFile(cat *casefile.Catalog, readOnly bool) (*casefile.Store, error) {
	if readOnly {
		if _, err := os.Stat(a.dbPath); errors.Is(err, os.ErrNotExist) {
			// a fresh database is created empty so the user sees "no cases"
			readOnly = false
		}
	}
	return casefile.Open(a.dbPath, cat, casefile.Options{ReadOnly: readOnly, Now: func() time.Time { return nowFunc() }})
}

// who is who the run acts as in history entries and permission checks:
// the hall user mapped to the local login (hall user add --local-user),
// else "local:LOGIN" (RoleOf: the administrator while no login is mapped).
func (a *app) who() string {
	if a.actor != "" {
		return a.actor
	}
	if a.login != "" {
		return casefile.LocalPrefix + a.login
	}
	return osWho()
}

// osWho names the local OS user ("local:LOGIN"); commands act as a.who(),
// which maps the login to a hall user.
func osWho() string {
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

// onStore is the RunE of a command that works on the store: it opens
// the store (read-only or not), runs fn with it and closes it.
func (a *app) onStore(readOnly bool, fn func(cmd *cobra.Command, args []string, st *casefile.Store) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		return a.withStore(readOnly, func(st *casefile.Store) error { return fn(cmd, args, st) })
	}
}

// jsonFlag adds --json, which asks for JSON output (writeJSON), to cmd.
func (a *app) jsonFlag(cmd *cobra.Command, asJSON *bool) {
	cmd.Flags().BoolVar(asJSON, "json", false, a.t("输出 JSON", "print JSON"))
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

// withStore opens the store (read-only or not), runs fn with it and
// closes it: the prologue of every command that works on the database.
func (a *app) withStore(readOnly bool, fn func(st *casefile.Store) error) (err error) {
	st, err := a.open(readOnly)
	if err != nil {
		return err
	}
	defer func() {
		// closing writes the entries saves left pending: a damaged file shows there
		if cerr := a.release(st); err == nil {
			err = cerr
		}
	}()
	return fn(st)
}
