package printouts

import "github.com/rongjiuzhu/hall/casefile"

// Named errors of the documents, in Chinese and English. Occurrences carry
// their specifics (With, Withf) and match the sentinel with errors.Is.
// Text the font cannot print fails with ErrMissingGlyphs instead, and no
// usable font with ErrNoFont.
var (
	// ErrNoDecision: the case has no decision (or an unknown result), so
	// there is no decision letter or rejection notice to print.
	ErrNoDecision = &casefile.Error{Code: "no_decision", Text: casefile.Text{
		ZH: "案件尚未作出批准或不予救助的决定，不能出具决定书或告知书",
		EN: "the case has no approval or rejection decision; there is no letter to print"}}

	// ErrDeferred: a deferred case gets no letter; it goes back to
	// verification and to a later meeting.
	ErrDeferred = &casefile.Error{Code: "letter_deferred", Text: casefile.Text{
		ZH: "暂缓研判的案件不出具决定书或告知书，请补充核查后提交研判会",
		EN: "a deferred case gets no letter: verify what is missing and put it before a meeting again"}}

	// ErrNothingGranted: an approval that grants no project cannot be
	// written as a decision letter.
	ErrNothingGranted = &casefile.Error{Code: "nothing_granted", Text: casefile.Text{
		ZH: "批准决定中没有准予的救助项目，不能出具救助决定书",
		EN: "the approval grants no project; there is no decision letter to print"}}

	// ErrIncomplete: the case or the catalogue lacks something the
	// document must state; the detail names it.
	ErrIncomplete = &casefile.Error{Code: "document_incomplete", Text: casefile.Text{
		ZH: "缺少文书必须载明的信息",
		EN: "something the document must state is missing"}}
)
