package spool

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/rongjiuzhu/hall/casefile"
)

// Kinds of document, as they end a file name: 2026-000123-receipt.pdf.
const (
	KindReceipt = "receipt" // the intake receipt of a case
	KindLetter  = "letter"  // the decision letter or rejection notice of a case
	KindMinutes = "minutes" // the minutes of a closed session
	KindNotice  = "notice"  // the public-notice list of a closed session
)

// Job is one document to write: its PDF, the file it goes to, and what the
// case histories record.
type Job struct {
	File    string        // where the PDF goes
	PDF     []byte        // the document
	Numbers []string      // the cases whose history records the print
	What    casefile.Text // as recorded, e.g. 救助决定书（示融救决〔2026〕3号） / decision letter (示融救决〔2026〕3号)
}

// Recorder records a print in the history of cases; *casefile.Store is
// one (it refuses users without casefile.PermPrint).
type Recorder interface {
	RecordPrint(numbers []string, what casefile.Text, who string) error
}

var _ Recorder = (*casefile.Store)(nil)

// Save writes job's PDF beside its file (mode 0600: letters carry personal
// data), records the print in the case histories as who, then puts the
// file in place: a print that fails leaves no file and no record, and a
// file that exists was recorded.
func Save(rec Recorder, job *Job, who string) error {
	cannot := func(err error) error {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary file's name means nothing to the user
		}
		return &WriteError{File: job.File, Err: err}
	}
	tmp, err := os.CreateTemp(filepath.Dir(job.File), ".hall-print-*.pdf") // 0600
	if err != nil {
		return cannot(err)
	}
	defer os.Remove(tmp.Name()) // nothing left once renamed
	_, err = tmp.Write(job.PDF)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return cannot(err)
	}
	if err := rec.RecordPrint(job.Numbers, job.What, who); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), job.File); err != nil {
		return cannot(err)
	}
	return nil
}

// WriteError is a PDF that could not be written to File.
type WriteError struct {
	File string
	Err  error
}

// Error returns the English message.
func (e *WriteError) Error() string { return e.Message(casefile.EN) }

// Message says which file could not be written and why, in lang.
func (e *WriteError) Message(lang casefile.Lang) string {
	return casefile.T("无法写入 %s: %v", "cannot write %s: %v", e.File, e.Err).In(lang)
}

// Unwrap returns the reason.
func (e *WriteError) Unwrap() error { return e.Err }

// SafeName makes a case or session number a file name: letters, digits,
// '-', '_' and '.' stay, anything else (slashes, colons, blanks) becomes
// '_', and it never starts with a dot.
func SafeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, s)
	s = strings.TrimLeft(s, ".")
	if s == "" {
		return "unnamed"
	}
	return s
}

// FileName is the file a document of kind for case or session number is
// written to: "2026-000123-letter.pdf".
func FileName(number, kind string) string { return SafeName(number) + "-" + kind + ".pdf" }
