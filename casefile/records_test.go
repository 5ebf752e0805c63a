package casefile

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"testing"
)

type thing struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// A namespace never written reads as empty, also from a read-only
// transaction: nothing is created by reading.
func TestRecordsAbsentNamespaceIsEmpty(t *testing.T) {
	st, _, _ := newStore(t)
	err := st.View(func(tx *Tx) error {
		r := tx.Records("test_things")
		var v thing
		if ok, err := r.Get(NumKey(1), &v); ok || err != nil {
			t.Errorf("Get = %v, %v; want false, nil", ok, err)
		}
		if r.Has(NumKey(1)) {
			t.Error("Has on an absent namespace")
		}
		if n, ok, err := r.Uint(NameKey("x")); n != 0 || ok || err != nil {
			t.Errorf("Uint = %d, %v, %v; want 0, false, nil", n, ok, err)
		}
		if err := r.Delete(NumKey(1)); err != nil {
			t.Errorf("Delete: %v", err)
		}
		for rec := range r.Scan(Key{}) {
			t.Errorf("Scan yields %x", rec.Key.b)
		}
		for rec := range r.ScanBackward(Key{}) {
			t.Errorf("ScanBackward yields %x", rec.Key.b)
		}
		if tx.tx.Bucket([]byte("test_things")) != nil {
			t.Error("reading created the namespace")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRecordsPutGetDelete(t *testing.T) {
	st, _, _ := newStore(t)
	err := st.Update(func(tx *Tx) error {
		r := tx.Records("test_things")
		if err := r.Put(NumKey(7), &thing{Name: "甲", N: 3}); err != nil {
			return err
		}
		if err := r.Put(NameKey("set-member"), nil); err != nil {
			return err
		}
		return r.PutUint(NameKey("YH2026"), 42)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(func(tx *Tx) error {
		r := tx.Records("test_things")
		var v thing
		if ok, err := r.Get(NumKey(7), &v); !ok || err != nil || v != (thing{Name: "甲", N: 3}) {
			t.Errorf("Get = %v, %v, %+v", ok, err, v)
		}
		if ok, err := r.Get(NumKey(8), &v); ok || err != nil {
			t.Errorf("Get of a missing key = %v, %v", ok, err)
		}
		if !r.Has(NameKey("set-member")) || !r.Has(NumKey(7)) || r.Has(NameKey("other")) {
			t.Error("Has does not tell present keys from absent ones")
		}
		if n, ok, err := r.Uint(NameKey("YH2026")); n != 42 || !ok || err != nil {
			t.Errorf("Uint = %d, %v, %v; want 42, true, nil", n, ok, err)
		}
		// The stored layout: JSON, an empty value, a big-endian uint64
		// (what the meeting's existing files hold).
		b := tx.tx.Bucket([]byte("test_things"))
		if got := b.Get([]byte{0, 0, 0, 0, 0, 0, 0, 7}); string(got) != `{"name":"甲","n":3}` {
			t.Errorf("stored JSON = %q", got)
		}
		if got := b.Get([]byte("set-member")); got == nil || len(got) != 0 {
			t.Errorf("stored set member = %q", got)
		}
		if got := b.Get([]byte("YH2026")); !bytes.Equal(got, []byte{0, 0, 0, 0, 0, 0, 0, 42}) {
			t.Errorf("stored uint = %x", got)
		}
		if err := r.Delete(NumKey(7)); err != nil {
			return err
		}
		if r.Has(NumKey(7)) {
			t.Error("deleted record still there")
		}
		return r.Delete(NumKey(7)) // deleting again is no error
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A failed use case leaves neither the case file's nor the namespace's
// writes behind: they share the transaction.
func TestRecordsShareTheTransaction(t *testing.T) {
	st, _, _ := newStore(t)
	boom := errors.New("boom")
	err := st.Update(func(tx *Tx) error {
		if err := tx.Records("test_things").Put(NumKey(1), &thing{N: 1}); err != nil {
			return err
		}
		if err := tx.tx.Bucket(bDrafts).Put([]byte("desk"), []byte("draft")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v", err)
	}
	if d, _ := st.Draft("desk"); d != nil {
		t.Error("the case file's write survived a failed transaction")
	}
	st.View(func(tx *Tx) error {
		if tx.Records("test_things").Has(NumKey(1)) {
			t.Error("the namespace's write survived a failed transaction")
		}
		return nil
	})
}

func TestRecordsNextSequenceNeverRepeats(t *testing.T) {
	st, _, _ := newStore(t)
	var got []uint64
	err := st.Update(func(tx *Tx) error {
		r := tx.Records("test_things")
		for range 3 {
			n, err := r.NextSequence()
			if err != nil {
				return err
			}
			got = append(got, n)
			if err := r.Put(NumKey(n), nil); err != nil {
				return err
			}
		}
		return r.Delete(NumKey(3))
	})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(func(tx *Tx) error {
		n, err := tx.Records("test_things").NextSequence()
		got = append(got, n)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []uint64{1, 2, 3, 4}) {
		t.Errorf("sequence = %v, want 1 2 3 4 (3 not given again after its deletion)", got)
	}
}

func TestRecordsScanOrderAndPrefix(t *testing.T) {
	st, _, _ := newStore(t)
	const max = math.MaxUint64
	// Put in a scrambled order; numeric order is what a scan must give.
	keys := [][]uint64{{256, 1}, {1, 2}, {max, 1}, {2, 1}, {1, max}, {1, 1}, {0, 5}}
	err := st.Update(func(tx *Tx) error {
		r := tx.Records("test_things")
		for _, k := range keys {
			if err := r.Put(NumKey(k...), &thing{N: int(k[0]%1000*10 + k[1]%10)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	type pair [2]uint64
	collect := func(r *Records, prefix Key, backward bool, limit int) []pair {
		var out []pair
		scan := r.Scan
		if backward {
			scan = r.ScanBackward
		}
		for rec := range scan(prefix) {
			var v thing
			if err := rec.Decode(&v); err != nil {
				t.Errorf("Decode %x: %v", rec.Key.b, err)
			}
			out = append(out, pair{rec.Key.Num(0), rec.Key.Num(1)})
			if len(out) == limit {
				break
			}
		}
		return out
	}
	st.View(func(tx *Tx) error {
		r := tx.Records("test_things")
		for _, c := range []struct {
			name     string
			prefix   Key
			backward bool
			limit    int
			want     []pair
		}{
			{"all", Key{}, false, 0, []pair{{0, 5}, {1, 1}, {1, 2}, {1, max}, {2, 1}, {256, 1}, {max, 1}}},
			{"all backward", Key{}, true, 0, []pair{{max, 1}, {256, 1}, {2, 1}, {1, max}, {1, 2}, {1, 1}, {0, 5}}},
			{"prefix 1", NumKey(1), false, 0, []pair{{1, 1}, {1, 2}, {1, max}}},
			{"prefix 1 backward", NumKey(1), true, 0, []pair{{1, max}, {1, 2}, {1, 1}}},
			{"prefix 2 backward", NumKey(2), true, 0, []pair{{2, 1}}},
			{"prefix 0 backward", NumKey(0), true, 0, []pair{{0, 5}}},
			{"prefix max backward", NumKey(max), true, 0, []pair{{max, 1}}},
			{"prefix 3: none", NumKey(3), false, 0, nil},
			{"prefix 3 backward: none", NumKey(3), true, 0, nil},
			{"whole key", NumKey(1, 2), false, 0, []pair{{1, 2}}},
			{"stop early", NumKey(1), false, 2, []pair{{1, 1}, {1, 2}}},
		} {
			if got := collect(r, c.prefix, c.backward, c.limit); !slices.Equal(got, c.want) {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
		return nil
	})
	// Keys kept from a scan outlive it: delete after scanning.
	err = st.Update(func(tx *Tx) error {
		r := tx.Records("test_things")
		var old []Key
		for rec := range r.Scan(NumKey(1)) {
			old = append(old, rec.Key)
		}
		for _, k := range old {
			if err := r.Delete(k); err != nil {
				return err
			}
		}
		if got := collect(r, Key{}, false, 0); !slices.Equal(got, []pair{{0, 5}, {2, 1}, {256, 1}, {max, 1}}) {
			t.Errorf("after deleting prefix 1: %v", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestKeys(t *testing.T) {
	k := NumKey(1, 0x0102030405060708)
	if k.b != "\x00\x00\x00\x00\x00\x00\x00\x01\x01\x02\x03\x04\x05\x06\x07\x08" {
		t.Errorf("NumKey bytes = %x", k.b)
	}
	if k.Num(0) != 1 || k.Num(1) != 0x0102030405060708 || k.Num(2) != 0 || k.Num(-1) != 0 {
		t.Errorf("Num = %d %d %d", k.Num(0), k.Num(1), k.Num(2))
	}
	if n := NameKey("YH2026"); n.Name() != "YH2026" || n.b != "YH2026" {
		t.Errorf("NameKey = %q", n.b)
	}
	if NumKey(1, 2) != NumKey(1, 2) || NumKey(1) == NumKey(1, 0) {
		t.Error("keys do not compare by their bytes")
	}
}

func TestRecordsDamagedValues(t *testing.T) {
	st, _, _ := newStore(t)
	err := st.Update(func(tx *Tx) error {
		if _, err := tx.Records("test_things").NextSequence(); err != nil { // creates it
			return err
		}
		b := tx.tx.Bucket([]byte("test_things"))
		if err := b.Put(u64(1), []byte("{not json")); err != nil {
			return err
		}
		return b.Put([]byte("n"), []byte{1, 2, 3})
	})
	if err != nil {
		t.Fatal(err)
	}
	st.View(func(tx *Tx) error {
		r := tx.Records("test_things")
		var v thing
		if _, err := r.Get(NumKey(1), &v); !errors.Is(err, ErrDatabaseCorrupt) {
			t.Errorf("Get of a damaged record = %v", err)
		}
		for rec := range r.Scan(NumKey(1)) {
			if err := rec.Decode(&v); !errors.Is(err, ErrDatabaseCorrupt) {
				t.Errorf("Decode of a damaged record = %v", err)
			}
		}
		if _, _, err := r.Uint(NameKey("n")); !errors.Is(err, ErrDatabaseCorrupt) {
			t.Errorf("Uint of 3 bytes = %v", err)
		}
		return nil
	})
}

func TestRecordsRefuseTheCaseFilesBuckets(t *testing.T) {
	st, _, _ := newStore(t)
	for _, name := range []string{"cases", "history", "users", ""} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Records(%q) did not panic", name)
				}
			}()
			st.View(func(tx *Tx) error { tx.Records(name); return nil })
		}()
	}
}

// Revision moves with every committed write and only then.
func TestRevision(t *testing.T) {
	st, _, _ := newStore(t)
	r0, err := st.Revision()
	if err != nil {
		t.Fatal(err)
	}
	st.View(func(*Tx) error { return nil })
	if r, _ := st.Revision(); r != r0 {
		t.Errorf("a read moved the revision: %d → %d", r0, r)
	}
	if err := st.SaveDraft("desk", []byte("x")); err != nil {
		t.Fatal(err)
	}
	r1, _ := st.Revision()
	if r1 <= r0 {
		t.Errorf("a write did not move the revision: %d → %d", r0, r1)
	}
	st.Update(func(tx *Tx) error {
		tx.Records("test_things").Put(NumKey(1), nil)
		return errors.New("rolled back")
	})
	if r, _ := st.Revision(); r != r1 {
		t.Errorf("a rolled-back write moved the revision: %d → %d", r1, r)
	}
	st.Close()
	if _, err := st.Revision(); err == nil {
		t.Error("Revision of a closed store gives no error")
	}
}
