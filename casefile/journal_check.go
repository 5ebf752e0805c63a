package casefile

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// verifyJournal replays the journal of t (with the records of the tail a
// read-only open overlays), checking its chain and the
// anchored heads, and compares every journaled bucket with it: each
// entry changed, missing or added behind the journal's back, and each
// bucket sequence that differs, is a problem for add. The replay keeps a
// digest of each entry, never its value, in bounded memory
// (journal_spill.go). It returns the number of cases compared.
func verifyJournal(t *Tx, anchors []Head, add func(Text), full func() bool, opt CheckOptions) (int, error) {
	tx := t.tx
	if tx.Bucket(bJournal) == nil {
		add(T("没有日志：请以读写方式打开一次数据库以升级结构", "there is no journal: open the database once for writing to upgrade it"))
		return 0, nil
	}
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	progress, stage := opt.progress, opt.stage
	total := 0
	if k, _ := t.cursor(bJournal).Last(); len(k) == 8 {
		total = int(binary.BigEndian.Uint64(k)) // sequences are contiguous (or a gap is reported)
	}
	// The index buckets hold the entries of the records up to the applied
	// mark; those after it are pending (journal_defer.go).
	applied, _ := appliedSeq(tx)
	// The anchored heads in record order (the last line for a record
	// wins), walked alongside the journal: one a commit, a million in a
	// busy hall's file, so no map of them.
	anchored := slices.Clone(anchors)
	slices.SortStableFunc(anchored, func(a, b Head) int { return cmp.Compare(a.Seq, b.Seq) })
	dedup := anchored[:0]
	for i, h := range anchored {
		if i+1 < len(anchored) && anchored[i+1].Seq == h.Seq {
			continue
		}
		dedup = append(dedup, h)
	}
	anchored = dedup
	var maxAnchor Head
	if len(anchored) > 0 {
		maxAnchor = anchored[len(anchored)-1]
	}
	rp := newReplay(ctx, opt.SpillAt, opt.TempDir)
	defer rp.close()
	type seqEntry struct{ n, seq uint64 }
	seqs := map[string]seqEntry{} // bucket → its sequence and the record that set it
	var prev [32]byte
	var last uint64
	done := 0
	stage(T("重放日志", "replaying the journal"))
	c := t.cursor(bJournal)
	for k, v := c.First(); k != nil; k, v = c.Next() {
		done++
		if done%256 == 0 {
			progress(done, total)
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		if len(k) != 8 {
			add(T("日志中有无法识别的键 %x", "the journal has a key it should not: %x", k))
			continue
		}
		seq := binary.BigEndian.Uint64(k)
		if seq != last+1 {
			add(T("日志缺少第 %d 条记录（下一条为第 %d 条）", "journal record %d is missing (the next is %d)", last+1, seq))
		}
		last = seq
		if len(v) < 32 {
			add(T("日志第 %d 条记录无法读取", "journal record %d cannot be read", seq))
			continue
		}
		var stored [32]byte
		copy(stored[:], v)
		body := v[32:]
		if chainHash(prev, body) != stored {
			add(T("日志第 %d 条记录与哈希链不符（被改动）", "journal record %d does not match the hash chain (altered)", seq))
		}
		for len(anchored) > 0 && anchored[0].Seq < seq {
			anchored = anchored[1:]
		}
		if len(anchored) > 0 && anchored[0].Seq == seq && anchored[0].Hash != stored {
			add(T("锚定文件记下的第 %d 条记录不在日志链中（日志被改写）", "the head anchored at record %d is not in the journal's chain (the journal was rewritten)", seq))
		}
		prev = stored
		r, err := decodeRecord(body)
		if err != nil || r.Seq != seq {
			add(T("日志第 %d 条记录无法读取", "journal record %d cannot be read", seq))
			continue
		}
		for _, op := range r.Ops {
			if seq > applied && deferred(op.bucket) {
				continue
			}
			switch op.kind {
			case opPut:
				err = rp.add(&jentry{bucket: op.bucket, key: op.key, seq: seq, sum: digest(op.value)})
			case opDelete:
				err = rp.add(&jentry{bucket: op.bucket, key: op.key, seq: seq, del: true})
			case opSeq:
				seqs[string(op.bucket)] = seqEntry{binary.BigEndian.Uint64(op.value), seq}
			}
			if err != nil {
				return 0, err
			}
		}
		if full() {
			return 0, nil
		}
	}
	progress(total, total)
	if applied > last {
		add(T("索引标记为已写到第 %d 条记录，日志只到第 %d 条", "the indexes are marked as written up to record %d, the journal ends at record %d", applied, last))
	}
	if maxAnchor.Seq > last {
		add(T("数据库落后于锚定文件：锚定文件记到第 %d 条记录，数据库只到第 %d 条（有提交丢失或文件被回退）",
			"the database is behind its anchor: the anchor names record %d, the database ends at record %d (commits were lost or the file was rolled back)", maxAnchor.Seq, last))
	}
	if full() {
		return 0, nil
	}
	// Every journaled bucket against the merged replay, both in key order.
	st, err := rp.stream()
	if err != nil {
		return 0, err
	}
	defer st.close()
	stage(T("核对记录与索引", "comparing records and indexes"))
	more, err := st.next()
	if err != nil {
		return 0, err
	}
	compared, cases := 0, 0
	step := func() error {
		compared++
		if compared%4096 == 0 {
			progress(min(compared, st.size), st.size)
		}
		more, err = st.next()
		return err
	}
	// missing reports the journal's entries of bucket names before name
	// (all, for nil) that the store lacks.
	missing := func(name []byte) error {
		for more && !full() && (name == nil || bytes.Compare(st.e.bucket, name) < 0) {
			if !st.e.del {
				add(T("%s：%s 缺失（日志第 %d 条记录写入过）", "%s: %s is missing (journal record %d wrote it)", string(st.e.bucket), describe(tx, st.e.bucket, st.e.key, nil), st.e.seq))
			}
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	}
	err = tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if !journaled(name) || full() {
			return nil
		}
		if err := missing(name); err != nil || full() {
			return err
		}
		want := seqs[string(name)]
		if n := b.Sequence(); n != want.n {
			add(T("%s：序号为 %d，日志给出 %d", "%s: its sequence is %d, the journal gives %d", string(name), n, want.n))
		}
		isCases := bytes.Equal(name, bCases)
		bc := b.Cursor()
		k, v := bc.First()
		for (k != nil || more && bytes.Equal(st.e.bucket, name)) && !full() {
			cmp := -1 // the store's entry comes first
			switch {
			case !more || !bytes.Equal(st.e.bucket, name):
			case k == nil:
				cmp = 1
			default:
				cmp = bytes.Compare(k, st.e.key)
			}
			if isCases && cmp <= 0 {
				cases++
			}
			switch {
			case cmp < 0: // in the store only
				if v == nil && b.Bucket(k) != nil {
					add(T("%s：多出一个子存储区 %s", "%s: a nested bucket %s that the journal does not know", string(name), maskKey(k)))
				} else {
					add(T("%s：%s 不在日志中（在本系统之外加入）", "%s: %s is not in the journal (added behind hall's back)", string(name), describe(tx, name, k, v)))
				}
				k, v = bc.Next()
				continue
			case cmp > 0: // in the journal only
				if !st.e.del {
					add(T("%s：%s 缺失（日志第 %d 条记录写入过）", "%s: %s is missing (journal record %d wrote it)", string(name), describe(tx, name, st.e.key, nil), st.e.seq))
				}
			default:
				switch {
				case v == nil && b.Bucket(k) != nil:
					add(T("%s：多出一个子存储区 %s", "%s: a nested bucket %s that the journal does not know", string(name), maskKey(k)))
				case st.e.del:
					add(T("%s：%s 不在日志中（在本系统之外加入）", "%s: %s is not in the journal (added behind hall's back)", string(name), describe(tx, name, k, v)))
				case st.e.sum != digest(v):
					add(T("%s：%s 与日志第 %d 条记录写入的不同（被改动）", "%s: %s differs from what journal record %d wrote (changed)", string(name), describe(tx, name, k, v), st.e.seq))
				}
				k, v = bc.Next()
			}
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || full() {
		return cases, err
	}
	if err := missing(nil); err != nil {
		return cases, err
	}
	for name, e := range seqs {
		if tx.Bucket([]byte(name)) == nil && e.n > 0 {
			add(T("缺少存储区 %s（日志第 %d 条记录写入过）", "bucket %s is missing (journal record %d wrote it)", name, e.seq))
		}
	}
	progress(st.size, st.size)
	return cases, nil
}

func digest(v []byte) [16]byte {
	s := sha256.Sum256(v)
	var out [16]byte
	copy(out[:], s[:16])
	return out
}

// describe names a stored entry for a person reading the check's report:
// a case by its number, a history entry by its case and place, anything
// else by its bucket's key, with ID and phone numbers masked.
func describe(tx *bolt.Tx, bucket, key, val []byte) Text {
	caseNumber := func(seq []byte) string {
		if b := tx.Bucket(bCases); b != nil {
			return numberIn(b.Get(seq))
		}
		return ""
	}
	switch {
	case bytes.Equal(bucket, bCases) && len(key) == 8:
		if n := numberIn(val); n != "" {
			return T("案件 %s", "case %s", n)
		}
		if n := caseNumber(key); n != "" {
			return T("案件 %s", "case %s", n)
		}
		return T("案件（内部编号 %d）", "case (internal number %d)", binary.BigEndian.Uint64(key))
	case bytes.Equal(bucket, bHistory) && len(key) == 12:
		n := caseNumber(key[:8])
		if n == "" {
			n = "#" + strconv.FormatUint(binary.BigEndian.Uint64(key[:8]), 10)
		}
		return T("案件 %s 第 %d 条办理记录", "case %s, history entry %d", n, binary.BigEndian.Uint32(key[8:])+1)
	case bytes.Equal(bucket, bPersons) && len(key) == 8:
		return T("人员 #%d", "person #%d", binary.BigEndian.Uint64(key))
	case bytes.Equal(bucket, bUsers):
		return T("用户 %s", "user %s", maskKey(key))
	}
	return T("键 %s", "key %s", maskKey(key))
}

// numberIn finds the case number in a stored case, even one whose JSON
// an edit has broken.
func numberIn(raw []byte) string {
	var c struct {
		Number string `json:"number"`
	}
	if raw == nil {
		return ""
	}
	if json.Unmarshal(raw, &c) == nil && c.Number != "" {
		return c.Number
	}
	_, rest, ok := bytes.Cut(raw, []byte(`"number":"`))
	if n, _, ok2 := bytes.Cut(rest, []byte(`"`)); ok && ok2 && len(n) < 32 && len(bytes.Trim(n, "0123456789-")) == 0 {
		return string(n) // a case number, not a person's
	}
	return ""
}

// maskKey shows a key: text with every run of 6 or more digits masked
// (ID and phone numbers: MaskID keeps the first 6 and last 4 of an ID,
// MaskPhone 3 and 4 of a phone), other bytes in hex.
func maskKey(k []byte) string {
	var out strings.Builder
	for len(k) > 0 {
		r, n := utf8.DecodeRune(k)
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			out.WriteString("\\x")
			out.WriteString(hexByte(k[0]))
			k = k[1:]
			continue
		}
		if unicode.IsDigit(r) || r == 'X' || r == 'x' {
			j := 0
			for j < len(k) && (k[j] >= '0' && k[j] <= '9' || k[j] == 'X' || k[j] == 'x') {
				j++
			}
			run := string(k[:j])
			switch {
			case j >= 15:
				run = MaskID(run)
			case j >= 6:
				run = strings.Repeat("*", j-2) + run[j-2:]
			}
			out.WriteString(run)
			k = k[j:]
			continue
		}
		out.WriteRune(r)
		k = k[n:]
	}
	return out.String()
}

func hexByte(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}
