package casefile

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The merged cursor walks a bucket as the newest writes leave it: random
// puts and deletions spread over the bbolt tree, several overlay segments
// and a transaction's own entries must read, forwards, backwards, from
// any Seek and turning either way, exactly as one map that took every
// write in order.
func TestMergedCursorAgreesWithAMap(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "m.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(7, 7))
	want := map[string]string{}
	key := func() string { return fmt.Sprintf("k%03d", rng.IntN(300)) }
	bucket := []byte("b")
	// the tree
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bucket)
		for range 150 {
			k, v := key(), fmt.Sprint(rng.Int())
			b.Put([]byte(k), []byte(v))
			want[k] = v
		}
		return nil
	})
	// writes as saves make them: a segment each, merged as they grow
	batch := func() map[string]map[string]ovEntry {
		m := map[string]ovEntry{}
		for range 1 + rng.IntN(20) {
			k := key()
			if rng.IntN(3) == 0 {
				m[k] = ovEntry{key: k, del: true}
				delete(want, k)
			} else {
				v := fmt.Sprint(rng.Int())
				m[k] = ovEntry{key: k, val: []byte(v)}
				want[k] = v
			}
		}
		return map[string]map[string]ovEntry{"b": m}
	}
	var ov *overlay
	for i := range 40 {
		ov = ov.with(newSegment(uint64(i+1), batch(), nil))
	}
	if len(ov.segs) < 2 || len(ov.segs) > 8 {
		t.Errorf("%d segments for 40 saves: not merged geometrically", len(ov.segs))
	}
	local := batch()
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	db.View(func(btx *bolt.Tx) error {
		tx := &Tx{tx: btx, ov: ov, local: local}
		c := func() *mcursor {
			deferredSet["b"] = true
			defer delete(deferredSet, "b")
			return tx.cursor(bucket)
		}
		check := func(what string, k, v []byte, i int) {
			t.Helper()
			if i < 0 || i >= len(keys) {
				if k != nil {
					t.Fatalf("%s: %q, want the end", what, k)
				}
				return
			}
			if string(k) != keys[i] || string(v) != want[keys[i]] {
				t.Fatalf("%s: %q=%q, want %q=%q", what, k, v, keys[i], want[keys[i]])
			}
		}
		m := c()
		i := 0
		for k, v := m.First(); i <= len(keys); k, v = m.Next() {
			check("forwards", k, v, i)
			i++
			if k == nil {
				break
			}
		}
		i = len(keys) - 1
		for k, v := m.Last(); i >= -1; k, v = m.Prev() {
			check("backwards", k, v, i)
			i--
			if k == nil {
				break
			}
		}
		for range 300 {
			p := key()
			i, _ := slices.BinarySearch(keys, p)
			k, v := m.Seek([]byte(p))
			check("seek "+p, k, v, i)
			for range rng.IntN(6) {
				if rng.IntN(2) == 0 {
					if k == nil {
						break
					}
					k, v = m.Next()
					i++
					check("next after seek "+p, k, v, i)
				} else {
					if k == nil {
						break
					}
					k, v = m.Prev()
					i--
					check("prev after seek "+p, k, v, i)
				}
				if k == nil {
					break
				}
			}
		}
		for _, k := range keys {
			deferredSet["b"] = true
			got := tx.get(bucket, []byte(k))
			delete(deferredSet, "b")
			if string(got) != want[k] {
				t.Fatalf("get %s = %q, want %q", k, got, want[k])
			}
		}
		return nil
	})
}
