package spool

import (
	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/printouts"
)

// Receipt is the job printing the intake receipt of c on day today,
// naming officer (the real name of whoever took the case in; "" leaves a
// line to sign). Its File is left for the caller to set.
func Receipt(p *printouts.Printer, c *casefile.Case, officer string, today casefile.Date) (*Job, error) {
	pdf, err := p.Receipt(c, officer, today)
	if err != nil {
		return nil, err
	}
	return &Job{PDF: pdf, Numbers: []string{c.Number}, What: casefile.Text{ZH: "受理回执", EN: "intake receipt"}}, nil
}

// Letter is the job printing the decision letters or rejection notices
// of the decided case c, dated today, with what in says of the session
// that decided it (a deferred case has none: printouts.ErrDeferred). Its
// File is left for the caller to set.
func Letter(p *printouts.Printer, c *casefile.Case, in printouts.LetterInput, today casefile.Date) (*Job, error) {
	pdf, err := p.LetterWith(c, in, today)
	if err != nil {
		return nil, err
	}
	return &Job{PDF: pdf, Numbers: []string{c.Number}, What: casefile.T("%s（%s）", "%s (%s)", LetterTitle(c), p.Reference(c))}, nil
}

// LetterTitle names the letter of a decided case: 救助决定书 / decision
// letter, or 不予救助告知书 / rejection notice for a rejection.
func LetterTitle(c *casefile.Case) casefile.Text {
	if Rejected(c) {
		return casefile.Text{ZH: "不予救助告知书", EN: "rejection notice"}
	}
	return casefile.Text{ZH: "救助决定书", EN: "decision letter"}
}

// Rejected reports whether c's decision is a rejection (its letter is a
// rejection notice).
func Rejected(c *casefile.Case) bool {
	return c.Decision != nil && c.Decision.Result == casefile.StatusRejected
}

// Minutes is the job printing the minutes of the closed session sess,
// recorded for every case on its agenda. Its File is left for the caller
// to set.
func Minutes(p *printouts.Printer, cat *casefile.Catalog, sess *meeting.Session, today casefile.Date) (*Job, error) {
	pdf, err := p.Minutes(sess, meeting.Summarize(cat, sess), today)
	if err != nil {
		return nil, err
	}
	job := &Job{PDF: pdf, What: casefile.T("会议纪要（%s）", "minutes (%s)", sess.Number)}
	for _, it := range sess.Agenda {
		job.Numbers = append(job.Numbers, it.Case)
	}
	return job, nil
}

// Notice is the job printing the public-notice list of the closed session
// sess, recorded for every case it publishes, with the list itself. cases
// are the case files of the agenda (AgendaCases). Its File is left for
// the caller to set.
func Notice(p *printouts.Printer, sess *meeting.Session, cases map[string]*casefile.Case, today casefile.Date) (*Job, *printouts.NoticeList, error) {
	var files []*casefile.Case
	for _, c := range cases {
		files = append(files, c)
	}
	list, err := p.NoticeList(sess, files, today)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := p.Notice(sess, files, today)
	if err != nil {
		return nil, nil, err
	}
	return &Job{PDF: pdf, Numbers: list.Numbers(),
		What: casefile.T("公示名单（%s，公示期%s至%s）", "notice list (%s, on notice %s to %s)", sess.Number, list.From, list.To)}, list, nil
}

// AgendaCases reads the case file of every case on sess's agenda, by
// number, in one read transaction.
func AgendaCases(st *casefile.Store, sess *meeting.Session) (map[string]*casefile.Case, error) {
	cases := map[string]*casefile.Case{}
	err := st.View(func(t *casefile.Tx) error {
		for _, it := range sess.Agenda {
			c, err := t.Case(it.Case)
			if err != nil {
				return err
			}
			cases[c.Number] = c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return cases, nil
}
