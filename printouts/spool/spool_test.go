package spool

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts"
)

// recorder remembers the prints it records, or refuses them with err.
type recorder struct {
	err     error
	numbers []string
	what    casefile.Text
	who     string
}

func (r *recorder) RecordPrint(numbers []string, what casefile.Text, who string) error {
	if r.err != nil {
		return r.err
	}
	r.numbers, r.what, r.who = numbers, what, who
	return nil
}

func job(dir string) *Job {
	return &Job{File: filepath.Join(dir, FileName("2026-000123", KindLetter)), PDF: []byte("%PDF-1.4 test"),
		Numbers: []string{"2026-000123"}, What: casefile.T("救助决定书（%s）", "decision letter (%s)", "示融救决〔2026〕3号")}
}

func TestSaveWritesThenRecords(t *testing.T) {
	dir := t.TempDir()
	rec := &recorder{}
	j := job(dir)
	if err := Save(rec, j, "local:desk"); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(j.File)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("%s: %v, %v; want a file only its owner reads", j.File, fi, err)
	}
	if strings.Join(rec.numbers, ",") != "2026-000123" || rec.what != j.What || rec.who != "local:desk" {
		t.Errorf("recorded %+v", rec)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// A print the domain refuses leaves no file, and no temporary one.
func TestSaveRefusedLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	rec := &recorder{err: casefile.ErrForbidden}
	if err := Save(rec, job(dir), "zhao"); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("Save = %v, want ErrForbidden", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused print left %v", entries)
	}
}

// A folder that cannot be written records nothing and names the file.
func TestSaveUnwritable(t *testing.T) {
	rec := &recorder{}
	j := job(filepath.Join(t.TempDir(), "missing"))
	err := Save(rec, j, "local:desk")
	var we *WriteError
	if !errors.As(err, &we) || rec.what != (casefile.Text{}) {
		t.Fatalf("Save = %v (recorded %v), want a WriteError and no record", err, rec.what)
	}
	if zh := casefile.Message(err, casefile.ZH); !strings.HasPrefix(zh, "无法写入 "+j.File+": ") {
		t.Errorf("in Chinese: %q", zh)
	}
	if en := casefile.Message(err, casefile.EN); !strings.HasPrefix(en, "cannot write "+j.File+": ") || strings.Contains(en, ".hall-print-") {
		t.Errorf("in English: %q", en)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[[2]string]string{
		{"2026-000123", KindReceipt}: "2026-000123-receipt.pdf",
		{"YH2026-001", KindMinutes}:  "YH2026-001-minutes.pdf",
		{"../../etc", KindLetter}:    "_.._etc-letter.pdf",
		{"..", KindNotice}:           "unnamed-notice.pdf",
	} {
		if got := FileName(in[0], in[1]); got != want {
			t.Errorf("FileName(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

func TestSendRefusesABadQueueName(t *testing.T) {
	if err := Send("", []string{"a.pdf"}); err != nil {
		t.Fatalf("no queue: %v", err)
	}
	err := Send("-oops", []string{"/x/a.pdf", "/x/b.pdf"})
	var ns *NotSentError
	if !errors.As(err, &ns) {
		t.Fatalf("Send = %v, want a NotSentError", err)
	}
	if zh := casefile.Message(err, casefile.ZH); !strings.Contains(zh, `打印机名称 "-oops" 无效`) || !strings.Contains(zh, "/x/a.pdf /x/b.pdf") {
		t.Errorf("in Chinese: %q", zh)
	}
	if en := casefile.Message(err, casefile.EN); !strings.Contains(en, "is invalid: the PDFs not sent to printer -oops are saved") {
		t.Errorf("in English: %q", en)
	}
}

func TestMessages(t *testing.T) {
	glyphs := &printouts.MissingGlyphsError{Font: "/f.ttf:0", Runes: []rune{'𠮷', '㐂'}}
	if got := Message(glyphs, casefile.ZH); !strings.Contains(got, "「𠮷」U+20BB7、「㐂」U+3402") {
		t.Errorf("missing glyphs: %q", got)
	}
	if got := Message(&FontError{Err: errors.Join(printouts.ErrNoFont, errors.New("x: not TrueType"))}, casefile.EN); !strings.Contains(got, "fonts-wqy-microhei") {
		t.Errorf("no font: %q", got)
	}
	named := &FontError{Err: glyphs}
	if got := casefile.Message(named, casefile.ZH); !strings.Contains(got, "指定的字体 /f.ttf:0 不能打印中文") {
		t.Errorf("a font named that is not Chinese: %q", got)
	}
	if got := casefile.Message(&FontError{Err: errors.New("--font: open /none.ttf: no such file")}, casefile.ZH); got != "指定的字体无法使用：--font: open /none.ttf: no such file" {
		t.Errorf("a font that cannot be read: %q", got)
	}
}
