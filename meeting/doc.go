// Package meeting runs the hall's adjudication meeting (综合研判会): the
// committee of department representatives, sessions with their
// attendance and agenda, each member's vote or recusal on each case, and
// the decision that moves a case from ready to approved, rejected or
// deferred.
//
// A Store wraps the case file's store and keeps its own records in the
// same database, as casefile.Records namespaces (it never touches bbolt);
// every use case (take attendance, build the agenda, record a vote,
// record a decision, close the session) is one transaction, and a
// decision changes the session record and the case (status,
// applications, history) together. Quorum and decision rules come from
// the catalogue (casefile.MeetingRules), never from code.
//
// Members vote on the proposal an agenda item shows: the projects and
// amounts proposed by the rules, with the "same policy only once" marks
// of the batch resolution. Agreeing with an item whose every application
// is declined by those marks therefore proposes a rejection citing them.
//
// Decisions are per project: a member's vote is one choice for every
// project (agree to all) with exceptions where they differ; the rule is
// applied to each project's votes; each project is approved with its
// amount (a changed amount with a reason), rejected with a written reason
// (built when the decision is recorded, never with a vote count) or
// deferred with what to verify; the case's result follows by CaseResult.
//
// The package is pure domain: it must never draw a screen, read a key,
// print a document or build a PDF (that is tui's and printouts' work), and
// it never imports either of them.
package meeting
