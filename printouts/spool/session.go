package spool

import (
	"cmp"
	"path/filepath"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/printouts"
)

// Batch is what printing a closed session needs: the printer, where the
// prints are recorded and as whom, the folder for the files and the date
// the documents carry.
type Batch struct {
	Printer  *printouts.Printer
	Catalog  *casefile.Catalog
	Recorder Recorder
	Dir      string // an existing folder
	Who      string
	Today    casefile.Date
	// Workers lay out letters at once (printouts.InOrder); 0 is
	// GOMAXPROCS. Letters are still written and recorded in order.
	Workers int
}

// Progress hears how far a batch is: done of total documents are
// finished, and the next is of kind (for case number, or "" for the
// session's own documents); kind is "" once all are done.
type Progress func(done, total int, kind, number string)

// Failure is a document of a batch that could not be printed: no file
// was written for it and nothing was recorded.
type Failure struct {
	Kind   string // KindLetter, KindMinutes or KindNotice
	Number string // the case of a letter; "" for the session's documents
	Err    error
}

// Session is what printing a closed session did.
type Session struct {
	Number                                  string
	Approvals, Rejections, Minutes, Notices int
	// Deferred cases get no letter; Superseded ones were decided again
	// by a later session, whose letter is the one to print.
	Deferred, Superseded []string
	// OnNotice are approvals waiting on their public notice: their
	// letters are printed once it has ended (hall publicity close).
	OnNotice          []string
	Published, Minors int // people on the notice list, minors left off
	Failed            []Failure
	Files             []string // every file written, in order
}

// PrintSession prints into b.Dir the decision letter of every case the
// closed session sess approved and the rejection notice of every case it
// rejected, then its minutes and its public-notice list, each recorded as
// it is written. cases are the case files of the agenda (AgendaCases). A
// document that cannot be printed is listed in Failed and the others are
// printed. progress (nil: none) hears of each document before it starts.
func PrintSession(b Batch, sess *meeting.Session, cases map[string]*casefile.Case, progress Progress) *Session {
	r := &Session{Number: sess.Number}
	if progress == nil {
		progress = func(int, int, string, string) {}
	}
	var letters []*casefile.Case
	for _, it := range sess.Agenda {
		if it.Decision == nil {
			continue
		}
		switch it.Decision.Result {
		case casefile.StatusApproved, casefile.StatusRejected:
			c := cases[it.Case]
			if c.Decision == nil || c.Decision.Session != sess.Number {
				r.Superseded = append(r.Superseded, it.Case) // a later session decided again
				continue
			}
			if c.OpenNotice() != nil {
				r.OnNotice = append(r.OnNotice, it.Case) // its letter waits for the notice to end
				continue
			}
			letters = append(letters, c)
		case casefile.StatusDeferred:
			r.Deferred = append(r.Deferred, it.Case)
		}
	}
	total := len(letters) + 2
	save := func(job *Job, err error, kind, number string) bool {
		if err == nil {
			job.File = filepath.Join(b.Dir, FileName(cmp.Or(number, sess.Number), kind))
			err = Save(b.Recorder, job, b.Who)
		}
		if err != nil {
			r.Failed = append(r.Failed, Failure{Kind: kind, Number: number, Err: err})
			return false
		}
		r.Files = append(r.Files, job.File)
		return true
	}
	type laidOut struct {
		job *Job
		err error
	}
	layout := func(i int) laidOut {
		job, err := Letter(b.Printer, letters[i], printouts.LetterInput{Session: sess}, b.Today)
		return laidOut{job, err}
	}
	printouts.InOrder(len(letters), b.Workers, layout, func(i int, l laidOut) {
		c := letters[i]
		progress(i, total, KindLetter, c.Number)
		if save(l.job, l.err, KindLetter, c.Number) {
			if c.Decision.Result == casefile.StatusApproved {
				r.Approvals++
			} else {
				r.Rejections++
			}
		}
	})
	progress(len(letters), total, KindMinutes, "")
	job, err := Minutes(b.Printer, b.Catalog, sess, b.Today)
	if save(job, err, KindMinutes, "") {
		r.Minutes++
	}
	progress(len(letters)+1, total, KindNotice, "")
	job, list, err := Notice(b.Printer, sess, cases, b.Today)
	if save(job, err, KindNotice, "") {
		r.Notices++
		r.Published, r.Minors = len(list.Entries), len(list.Minors)
	}
	progress(total, total, "", "")
	return r
}

// Letters counts the letters a session print wrote.
func (s *Session) Letters() int { return s.Approvals + s.Rejections }
