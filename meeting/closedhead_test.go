package meeting_test

import (
	"encoding/json"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// A closed session keeps the journal's head as the close found it — the
// record just before the close's own — so that its minutes anchor the
// journal on paper; an open session has none.
func TestCloseRecordsTheJournalHead(t *testing.T) {
	h, com := newMeeting(t, 3)
	c := h.oneOffCase()
	s := com.Sit()
	com.Approve(s, c)
	if open := must(h.m.Session(s.number)); open.ClosedHead != nil {
		t.Fatalf("open session carries a journal head %v", open.ClosedHead)
	}
	before := must(h.st.JournalHead())
	closed := must(s.Close(false))
	if closed.ClosedHead == nil || *closed.ClosedHead != before {
		t.Fatalf("closed session's head %v, want %v (the head before the close)", closed.ClosedHead, before)
	}
	stored := must(h.m.Session(s.number))
	if stored.ClosedHead == nil || *stored.ClosedHead != before {
		t.Fatalf("stored session's head %v, want %v", stored.ClosedHead, before)
	}
	// the record it names is in the journal with that hash, and the
	// close's own record follows it
	rec := must(h.st.JournalRecord(before.Seq))
	if rec.Head() != before {
		t.Fatalf("journal record %d is %v, want %v", before.Seq, rec.Head(), before)
	}
	after := must(h.st.JournalRecord(before.Seq + 1))
	if after.Who != secretaryUser {
		t.Errorf("record %d after the head is by %q, want the close by %q", after.Seq, after.Who, secretaryUser)
	}
	// the head survives JSON as "sequence:hash"
	raw := must(json.Marshal(stored))
	var back meeting.Session
	if err := json.Unmarshal(raw, &back); err != nil || back.ClosedHead == nil || *back.ClosedHead != before {
		t.Fatalf("round trip: %v, %v", back.ClosedHead, err)
	}
	_, err := h.st.JournalRecord(must(h.st.JournalHead()).Seq + 1)
	wantErr(t, "a record past the head", err, casefile.ErrNoJournalRecord)
}
