package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts"
)

// printTools checks for a Chinese font and poppler's pdftotext and returns
// the path of pdftotext.
func printTools(t *testing.T) string {
	t.Helper()
	if _, err := printouts.FindFont(""); err != nil {
		needTool(t, "no CJK font: apt-get install fonts-wqy-microhei")
	}
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		needTool(t, "no pdftotext: apt-get install poppler-utils")
	}
	return path
}

// pdfFileText is the text of the PDF file at path, white space removed:
// paragraphs and table cells set over several lines read as one string.
func pdfFileText(t *testing.T, pdftotext, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %.20q", path, data)
	}
	out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// shownCase is what the tests read of `hall case show --json`.
type shownCase struct {
	Number    string `json:"number"`
	Status    string `json:"status"`
	Applicant struct {
		Name      string        `json:"name"`
		DocNumber string        `json:"doc_number"`
		Birth     casefile.Date `json:"birth"`
	} `json:"applicant"`
	History []casefile.HistoryEntry `json:"history"`
}

func showCase(t *testing.T, db, number string) shownCase {
	t.Helper()
	return caseJSON[shownCase](t, db, number)
}

// revealCase is showCase with --reveal: full numbers and birth dates.
func revealCase(t *testing.T, db, number string) shownCase {
	t.Helper()
	var c shownCase
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "case", "show", number, "--json", "--reveal")), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// prints are the "print" entries of a case's history.
func (c shownCase) prints() []casefile.HistoryEntry {
	var out []casefile.HistoryEntry
	for _, h := range c.History {
		if h.Action == "print" {
			out = append(out, h)
		}
	}
	return out
}

// closedDemoSession fills a demo database and returns the number of its
// closed session with the session as `session show --json` gives it.
func closedDemoSession(t *testing.T, db string) shownSession {
	t.Helper()
	mustHall(t, "--db", db, "demo")
	var list []sessionLine
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "session", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	for _, l := range list {
		if l.Status == "closed" {
			var s shownSession
			if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "session", "show", l.Number, "--json")), &s); err != nil {
				t.Fatal(err)
			}
			return s
		}
	}
	t.Fatalf("the demo has no closed session: %+v", list)
	return shownSession{}
}

func TestPrintSessionOnTheDemo(t *testing.T) {
	pdftotext := printTools(t)
	db := tempDB(t)
	s := closedDemoSession(t, db)
	dir := filepath.Join(t.TempDir(), "printed") // created by the command

	out := mustHall(t, "--db", db, "print", "session", s.Number, "--out", dir)
	var approved, rejected, deferred []string
	for _, it := range s.Agenda {
		switch it.Decision.Result {
		case "approved":
			approved = append(approved, it.Case)
		case "rejected":
			rejected = append(rejected, it.Case)
		case "deferred":
			deferred = append(deferred, it.Case)
		}
	}
	if len(approved) == 0 || len(rejected) == 0 || len(deferred) == 0 {
		t.Fatalf("the demo session should approve, reject and defer: %v %v %v", approved, rejected, deferred)
	}
	if want := strings.Join([]string{"研判会 ", s.Number, "：已打印决定书 ", strconv.Itoa(len(approved)), " 份、告知书 ", strconv.Itoa(len(rejected)),
		" 份、会议纪要 1 份、公示名单 1 份"}, ""); !strings.Contains(out, want) || !strings.Contains(out, dir) ||
		!strings.Contains(out, "暂缓 "+strconv.Itoa(len(deferred))+" 件不出具文书") {
		t.Errorf("summary %q, want %q…", out, want)
	}

	// One PDF per approval and rejection, none for a deferral; each only
	// for its owner (0600).
	for _, n := range approved {
		if text := pdfFileText(t, pdftotext, filepath.Join(dir, n+"-letter.pdf")); (!strings.Contains(text, "救助决定书") && !strings.Contains(text, "资助通知")) ||
			!strings.Contains(text, n) { // a people's organisation's grant is a 资助通知
			t.Errorf("%s: the letter is no decision letter of the case", n)
		}
	}
	for _, n := range rejected {
		if text := pdfFileText(t, pdftotext, filepath.Join(dir, n+"-letter.pdf")); !strings.Contains(text, "不予救助告知书") ||
			!strings.Contains(text, n) || !strings.Contains(text, "送达回证") {
			t.Errorf("%s: the letter is no rejection notice of the case", n)
		}
	}
	for _, n := range deferred {
		if _, err := os.Stat(filepath.Join(dir, n+"-letter.pdf")); !os.IsNotExist(err) {
			t.Errorf("deferred %s got a letter: %v", n, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if want := len(approved) + len(rejected) + 2; len(entries) != want {
		t.Errorf("%d files in %s, want %d: %v", len(entries), dir, want, entries)
	}
	for _, e := range entries {
		if fi, err := e.Info(); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", e.Name(), fi.Mode(), err)
		}
	}
	minutes := pdfFileText(t, pdftotext, filepath.Join(dir, s.Number+"-minutes.pdf"))
	if !strings.Contains(minutes, "会议纪要") || !strings.Contains(minutes, s.Number) {
		t.Error("the minutes do not name the session")
	}
	for _, it := range s.Agenda {
		if !strings.Contains(minutes, it.Case) {
			t.Errorf("the minutes lack case %s", it.Case)
		}
	}
	for _, it := range s.Agenda {
		for _, v := range it.Votes {
			if v.Reason != "" && !strings.Contains(minutes, v.Name) {
				t.Errorf("the minutes lack %s's vote on %s", v.Name, it.Case)
			}
		}
		for _, r := range it.Recusals {
			// The reason wraps in its column: look for its first words.
			if head := string([]rune(r.Reason)[:min(6, len([]rune(r.Reason)))]); !strings.Contains(minutes, r.Name) || !strings.Contains(minutes, head) {
				t.Errorf("the minutes lack %s's recusal on %s (%s…)", r.Name, it.Case, head)
			}
		}
	}
	notice := pdfFileText(t, pdftotext, filepath.Join(dir, s.Number+"-notice.pdf"))
	if !strings.Contains(notice, "公示") || !strings.Contains(notice, s.Number) {
		t.Error("the notice does not name the session")
	}

	// The histories record the prints: letters on their case, the minutes
	// on every case of the agenda, the notice on every adult approved.
	today := casefile.DateOf(nowFunc())
	for _, it := range s.Agenda {
		c := showCase(t, db, it.Case)
		var whys []string
		for _, h := range c.prints() {
			whys = append(whys, h.Text().ZH)
		}
		all := strings.Join(whys, "|")
		if !strings.Contains(all, "会议纪要（"+s.Number+"）") {
			t.Errorf("%s: no record of the minutes in %q", it.Case, all)
		}
		switch it.Decision.Result {
		case "approved":
			if !strings.Contains(all, "救助决定书（") {
				t.Errorf("%s: no record of its decision letter in %q", it.Case, all)
			}
			// masked output carries no birth date (it would reveal the
			// masked digits): ask with --reveal, after the prints were read
			born := revealCase(t, db, it.Case).Applicant.Birth
			adult := !born.IsZero() && casefile.Person{Birth: born}.AgeOn(today) >= 18
			if onNotice := strings.Contains(all, "公示名单（"+s.Number); onNotice != adult {
				t.Errorf("%s (born %s): recorded on the notice %v, want %v", it.Case, born, onNotice, adult)
			}
			if inText := strings.Contains(notice, c.Applicant.Name+c.Applicant.DocNumber); inText != adult {
				t.Errorf("%s: %s %s on the notice %v, want %v", it.Case, c.Applicant.Name, c.Applicant.DocNumber, inText, adult)
			}
		case "rejected":
			if !strings.Contains(all, "不予救助告知书（") || strings.Contains(all, "公示名单") {
				t.Errorf("%s: records %q, want its rejection notice and no notice list", it.Case, all)
			}
		case "deferred":
			if len(whys) != 1 {
				t.Errorf("%s: deferred, recorded %q, want the minutes only", it.Case, all)
			}
		}
	}

	t.Run("a deferred case has no letter", func(t *testing.T) {
		n := deferred[0]
		before := len(showCase(t, db, n).prints())
		here := t.TempDir()
		t.Chdir(here)
		_, errs, code := hall(t, "--db", db, "print", "letter", n)
		if code != 1 || !strings.Contains(errs, "暂缓") || !strings.Contains(errs, n) {
			t.Errorf("print letter of deferred %s: exit %d, %q", n, code, errs)
		}
		_, errs, code = hall(t, "--db", db, "--lang", "en", "print", "letter", n, "--out", filepath.Join(here, "x.pdf"))
		if code != 1 || !strings.Contains(errs, "a deferred case gets no letter") {
			t.Errorf("in English: exit %d, %q", code, errs)
		}
		if entries, _ := os.ReadDir(here); len(entries) != 0 {
			t.Errorf("a failed print left files: %v", entries)
		}
		if after := len(showCase(t, db, n).prints()); after != before {
			t.Errorf("a failed print was recorded: %d print entries, were %d", after, before)
		}
	})

	t.Run("default names", func(t *testing.T) {
		here := t.TempDir()
		t.Chdir(here)
		n := approved[0]
		out := mustHall(t, "--db", db, "print", "receipt", n)
		path := filepath.Join(here, n+"-receipt.pdf")
		if text := pdfFileText(t, pdftotext, path); !strings.Contains(text, "受理回执") || !strings.Contains(text, n) {
			t.Errorf("%s is no receipt of %s", path, n)
		}
		if !strings.Contains(out, "受理回执") || !strings.Contains(out, n+"-receipt.pdf") {
			t.Errorf("print receipt says %q", out)
		}
		mustHall(t, "--db", db, "print", "minutes", s.Number)
		mustHall(t, "--db", db, "print", "notice", s.Number, "--out", here) // a folder: the default name in it
		for _, name := range []string{s.Number + "-minutes.pdf", s.Number + "-notice.pdf"} {
			pdfFileText(t, pdftotext, filepath.Join(here, name))
		}
		prints := showCase(t, db, n).prints()
		var last []string
		for _, h := range prints[max(len(prints)-3, 0):] {
			last = append(last, h.Text().ZH)
		}
		if want := "受理回执|会议纪要（" + s.Number + "）|公示名单（" + s.Number; !strings.HasPrefix(strings.Join(last, "|"), want) {
			t.Errorf("the last prints of %s: %q, want %q…", n, last, want)
		}
	})

	t.Run("no lp", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir()) // no lp, no fc-match: the font is found in the font folders
		file := filepath.Join(t.TempDir(), "letter.pdf")
		n := rejected[0]
		before := len(showCase(t, db, n).prints())
		out, errs, code := hall(t, "--db", db, "print", "letter", n, "--out", file, "--printer", "Hall-Desk-1")
		if code != exitNotSent || !strings.Contains(errs, "lp") || !strings.Contains(errs, "Hall-Desk-1") ||
			!strings.Contains(errs, file) || !strings.Contains(out, file) {
			t.Errorf("--printer without lp: exit %d\nstdout %q\nstderr %q", code, out, errs)
		}
		if text := pdfFileText(t, pdftotext, file); !strings.Contains(text, n) {
			t.Errorf("the PDF kept without lp is not %s's letter", n)
		}
		if after := len(showCase(t, db, n).prints()); after != before+1 {
			t.Errorf("the PDF written without lp: %d print entries, want %d", after, before+1)
		}
		_, errs, code = hall(t, "--db", db, "--lang", "en", "print", "letter", n, "--out", file, "--printer", "Hall-Desk-1")
		if code != exitNotSent || !strings.Contains(errs, "there is no lp command") {
			t.Errorf("in English: exit %d, %q", code, errs)
		}
	})

	t.Run("an open session", func(t *testing.T) {
		var list []sessionLine
		json.Unmarshal([]byte(mustHall(t, "--db", db, "session", "list", "--json")), &list)
		for _, l := range list {
			if l.Status != "open" {
				continue
			}
			out := t.TempDir()
			for _, args := range [][]string{{"minutes", l.Number}, {"notice", l.Number}, {"session", l.Number, "--out", out}} {
				_, errs, code := hall(t, append([]string{"--db", db, "print"}, args...)...)
				if code != 1 || !strings.Contains(errs, "尚未闭会") || !strings.Contains(errs, l.Number) {
					t.Errorf("print %v of an open session: exit %d, %q", args, code, errs)
				}
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("printing an open session wrote %v", entries)
			}
		}
	})

	t.Run("a font that cannot be used", func(t *testing.T) {
		_, errs, code := hall(t, "--db", db, "print", "letter", approved[0], "--font", filepath.Join(t.TempDir(), "none.ttf"),
			"--out", filepath.Join(t.TempDir(), "x.pdf"))
		if code != 1 || !strings.Contains(errs, "指定的字体无法使用") {
			t.Errorf("--font of no file: exit %d, %q", code, errs)
		}
	})
}

// TestPrintMissingGlyphs: a name the font cannot print names the
// character, writes no file and records nothing.
func TestPrintMissingGlyphs(t *testing.T) {
	printTools(t)
	font, _ := printouts.FindFont("")
	if font.CheckText("𠮷") == nil {
		t.Skipf("the font %s prints 𠮷", font.Spec())
	}
	db := tempDB(t)
	csv := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(csv, []byte("身份证号,姓名,项目,家庭人口,受理日期\n"+validID("19700101", 33)+",𠮷祥,MZ-05,1,2026-11-02\n"), 0o644)
	mustHall(t, "--db", db, "import", csv)
	var list []struct{ Number string }
	json.Unmarshal([]byte(mustHall(t, "--db", db, "cases", "--json")), &list)
	if len(list) != 1 {
		t.Fatalf("imported %v", list)
	}
	n := list[0].Number
	file := filepath.Join(t.TempDir(), "r.pdf")
	_, errs, code := hall(t, "--db", db, "print", "receipt", n, "--out", file)
	if code != 1 || !strings.Contains(errs, "「𠮷」U+20BB7") || !strings.Contains(errs, "--font") {
		t.Errorf("receipt with 𠮷: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a receipt that could not be printed was written: %v", err)
	}
	if prints := showCase(t, db, n).prints(); len(prints) != 0 {
		t.Errorf("a receipt that could not be printed was recorded: %+v", prints)
	}
}

func TestPrintMessages(t *testing.T) {
	zh, en := &app{lang: casefile.ZH}, &app{lang: casefile.EN}
	if got := en.printMessage(printouts.ErrNoFont); got != printouts.ErrNoFont.Message("en") || !strings.Contains(got, "fonts-wqy-microhei") {
		t.Errorf("no font in English: %q", got)
	}
	if got := zh.printMessage(printouts.ErrNoFont); !strings.Contains(got, "找不到可用的中文") {
		t.Errorf("no font in Chinese: %q", got)
	}
	glyphs := &printouts.MissingGlyphsError{Font: "/f.ttf:0", Runes: []rune{'𠮷', '㐂'}}
	if got := zh.printMessage(glyphs); !strings.Contains(got, "「𠮷」U+20BB7、「㐂」U+3402") || !strings.Contains(got, "/f.ttf:0") {
		t.Errorf("missing glyphs in Chinese: %q", got)
	}
	if got := en.printMessage(glyphs); !strings.Contains(got, "has no glyph for") {
		t.Errorf("missing glyphs in English: %q", got)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"2026-000123": "2026-000123",
		"YH2026-001":  "YH2026-001",
		"2026/000123": "2026_000123",
		"../../etc":   "_.._etc",
		`a\b:c d`:     "a_b_c_d",
		"..":          "unnamed",
		"研判-1":        "研判-1",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	newProgress(&b, 4).show(1, "2026-000001") // not a terminal: nothing
	if b.Len() != 0 {
		t.Errorf("a bar drawn on a pipe: %q", b.String())
	}
	p := &progress{w: &b, total: 4, on: true}
	p.show(1, "2026-000001")
	p.show(4, "")
	p.clear()
	want := "\r[======>                       ] 1/4 2026-000001\x1b[K" +
		"\r[==============================] 4/4 \x1b[K" + "\r\x1b[K"
	if b.String() != want {
		t.Errorf("bar\n got %q\nwant %q", b.String(), want)
	}
}

// TestPrintFonts: `hall print --fonts` lists the face of each role and
// where it came from; --font sets every role in the face it names.
func TestPrintFonts(t *testing.T) {
	printTools(t)
	t.Setenv("HALL_FONT", "")
	out, errOut, code := hall(t, "print", "--fonts", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"use", "body", "title", "signature", "source"} {
		if !strings.Contains(out, want) {
			t.Errorf("--fonts output lacks %q:\n%s", want, out)
		}
	}
	const wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	if _, err := os.Stat(wqy); err != nil {
		needTool(t, "no "+wqy+": apt-get install fonts-wqy-microhei")
	}
	out, errOut, code = hall(t, "print", "--fonts", "--font", wqy, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(out, wqy+":0  --font"); n != 3 {
		t.Errorf("--font: %d roles in %s from --font, want 3:\n%s", n, wqy, out)
	}
	if _, _, code := hall(t, "print", "--fonts", "--font", filepath.Join(t.TempDir(), "gone.ttf")); code == 0 {
		t.Error("--fonts with a missing --font file: exit 0")
	}
}
