package printouts

import "github.com/rongjiuzhu/hall/casefile"

// Named errors of the documents, in Chinese and English. Occurrences carry
// their specifics (With, Withf) and match the sentinel with errors.Is.
// Text the font cannot print fails with ErrMissingGlyphs instead, and no
// usable font with ErrNoFont.
var (
	// ErrNoDecision: the case has no decision (or an unknown result), so
	// there is no decision letter or rejection notice to print.
	ErrNoDecision = casefile.NewError("no_decision",
		"案件尚未作出批准或不予救助的决定，不能出具决定书或告知书",
		"the case has no approval or rejection decision; there is no letter to print")

	// ErrDeferred: a deferred case gets no letter; it goes back to
	// verification and to a later meeting.
	ErrDeferred = casefile.NewError("letter_deferred",
		"暂缓研判的案件不出具决定书或告知书，请补充核查后提交研判会",
		"a deferred case gets no letter: verify what is missing and put it before a meeting again")

	// ErrNothingGranted: an approval that grants no project cannot be
	// written as a decision letter.
	ErrNothingGranted = casefile.NewError("nothing_granted",
		"批准决定中没有准予的救助项目，不能出具救助决定书",
		"the approval grants no project; there is no decision letter to print")

	// ErrIncomplete: the case or the catalogue lacks something the
	// document must state; the detail names it.
	ErrIncomplete = casefile.NewError("document_incomplete",
		"缺少文书必须载明的信息",
		"something the document must state is missing")
)
