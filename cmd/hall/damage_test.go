package main

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
)

// A flipped byte in a page header is reported by every command that
// meets it as a damaged database (exit 4, the message that says to
// restore from a backup), never with a Go stack trace. Written first:
// check, restore and import died in bbolt's page walk.
func TestDamagedPagesReportedByEveryCommand(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	var list []struct{ Number string }
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "cases", "--json")), &list); err != nil || len(list) == 0 {
		t.Fatalf("cases: %v %v", list, err)
	}
	cat, _ := casefile.DefaultCatalog()
	code := cat.Projects[0].Code
	csv := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(csv, []byte("身份证号,姓名,项目,部门,家庭人口,收入明细,受理日期\n"+validID("19700101", 77)+",吴大伯,"+code+",,1,,2026-09-02\n"), 0o600)

	for _, bucket := range []string{"", "cases"} { // every bucket's tree; the cases
		damagedDB := filepath.Join(t.TempDir(), "hall.db")
		raw, _ := os.ReadFile(db)
		os.WriteFile(damagedDB, raw, 0o600)
		casefiletest.DamagePageHeader(t, damagedDB, bucket)
		for _, args := range [][]string{
			{"check"},
			{"cases"},
			{"case", "show", list[len(list)-1].Number},
			{"audit", "verify"},
			{"backup", filepath.Join(t.TempDir(), "b.db")},
			{"import", csv},
			{"restore", damagedDB},
		} {
			for _, lang := range []string{"zh", "en"} {
				target := damagedDB
				if args[0] == "restore" {
					target = tempDB(t) // restoring the damaged file over a good one
				}
				_, errs, code := hall(t, append([]string{"--db", target, "--lang", lang}, args...)...)
				want := map[string]string{"zh": "请用 hall restore 从备份恢复", "en": "restore it from a backup with hall restore"}[lang]
				if code != exitDamaged || !strings.Contains(errs, want) || strings.Contains(errs, "goroutine") {
					t.Errorf("bucket %q: hall %s (%s): exit %d, stderr:\n%s", bucket, strings.Join(args, " "), lang, code, errs)
				}
			}
		}
	}
}

// A commit lost from the file (the newest meta page damaged, so bbolt
// opens the transaction before) is still in the anchor: hall check says
// the database is behind it, exit 4; hall audit head prints the head.
func TestCheckReportsALostCommit(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	head := mustHall(t, "--db", db, "--lang", "en", "audit", "head")
	if !strings.Contains(head, "journal head: record ") || !strings.Contains(head, "hash: ") {
		t.Fatalf("audit head: %s", head)
	}
	mustHall(t, "--db", db, "check")
	// the last transaction a save (no index entries to catch up after it)
	mustHall(t, "--db", db, "user", "display", "王主任")
	// the newest meta page is the one with the larger transaction id: flip
	// a byte of the root field in both, in turn, until one check fails
	// as behind (the other flip is of the older page: no loss)
	found := false
	for _, page := range []int64{0, 1} {
		cp := filepath.Join(t.TempDir(), "hall.db")
		raw, _ := os.ReadFile(db)
		os.WriteFile(cp, raw, 0o600)
		os.WriteFile(cp+".anchor", must(os.ReadFile(db+".anchor")), 0o600)
		casefiletest.FlipByte(t, cp, page*4096+16+20, 0x01)
		_, errs, code := hall(t, "--db", cp, "--lang", "en", "check")
		if code == 0 {
			continue
		}
		if code != exitDamaged || !strings.Contains(errs, "behind its anchor") {
			t.Errorf("meta page %d flipped: exit %d\n%s", page, code, errs)
		}
		found = true
	}
	if !found {
		t.Error("no meta flip was found")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A restore gives up what was written after the backup: the anchor
// restarts at the backup's head, so the restored database is not
// reported behind it.
func TestRestoreRestartsTheAnchor(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	backup := filepath.Join(t.TempDir(), "b.db")
	mustHall(t, "--db", db, "backup", backup)
	mustHall(t, "--db", db, "user", "display", "王主任") // a commit after the backup
	mustHall(t, "--db", db, "restore", backup)
	if out, errs, code := hall(t, "--db", db, "--lang", "en", "check"); code != 0 {
		t.Errorf("check after restore: exit %d\n%s%s", code, out, errs)
	}
}

// hall check --salvage OUT copies what a damaged file still holds.
func TestCheckSalvage(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	casefiletest.DamagePageHeader(t, db, "cases")
	out := filepath.Join(t.TempDir(), "salvaged.db")
	stdout, errs, code := hall(t, "--db", db, "--lang", "en", "check", "--salvage", out)
	if code != 0 || !strings.Contains(stdout, "written to "+out) || !strings.Contains(errs, "cases:") {
		t.Fatalf("salvage: exit %d\n%s%s", code, stdout, errs)
	}
	if _, _, code := hall(t, "--db", out, "cases"); code != 0 {
		t.Errorf("the salvaged file does not open: exit %d", code)
	}
}

// The journal's tail (saves not yet caught up into the file) as a crash
// leaves it, with its second record damaged: every command that opens
// the database reports the damage (exit 4, the restore advice, in the
// user's language) and leaves the files as they were.
func TestDamagedTailReportedByCommands(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	crashed := filepath.Join(t.TempDir(), "hall.db")
	var damagedRec uint64 // the second save's journal record
	// Copy the files while three saves wait for their catch-up (a second
	// after the last): a copy that missed the moment is taken again.
	for try := 0; ; try++ {
		st, _ := casefiletest.Open(t, db, casefile.Options{})
		head, err := st.JournalHead()
		if err != nil {
			t.Fatal(err)
		}
		damagedRec = head.Seq + 2
		for i := range 3 {
			if _, err := st.Intake(&casefile.Draft{
				Applicant: casefile.Person{DocType: casefile.DocResidentID, DocNumber: validID("19610405", 40+10*try+i), Name: "孙桂芝",
					Birth: casefile.Date{Year: 1961, Month: 4, Day: 5}, Township: "城关镇", Village: "东关村"},
				Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{{Relation: casefile.RelationSelf}}},
				Apps:      []casefile.Application{{Project: "MZ-01"}},
				Channel:   casefile.ChannelWindow,
			}, osWho()); err != nil {
				t.Fatal(err)
			}
		}
		raw, _ := os.ReadFile(db)
		tail, _ := os.ReadFile(casefile.TailPath(db))
		pending := st.Pending()
		st.Close()
		if pending > 0 && len(tail) > 16 && tail[0]|tail[1]|tail[2]|tail[3] != 0 {
			os.WriteFile(crashed, raw, 0o600)
			// frame: length(4) crc(4) …: the second frame follows the first
			second := 8 + int(binary.BigEndian.Uint32(tail))
			tail[second+8+60] ^= 0x04
			os.WriteFile(casefile.TailPath(crashed), tail, 0o600)
			break
		}
		if try == 4 {
			t.Fatal("five copies all missed the saves' tail: the machine is too slow for this test")
		}
	}
	before, _ := os.ReadFile(casefile.TailPath(crashed))
	for _, args := range [][]string{{"check"}, {"cases"}, {"audit", "verify"}} {
		for _, lang := range []string{"zh", "en"} {
			_, errs, code := hall(t, append([]string{"--db", crashed, "--lang", lang}, args...)...)
			want := map[string][]string{
				"zh": {"日志尾文件", fmt.Sprintf("第 %d 条记录已损坏", damagedRec), "请用 hall restore 从备份恢复"},
				"en": {"journal tail", fmt.Sprintf("record %d is damaged", damagedRec), "restore it from a backup with hall restore"}}[lang]
			for _, w := range want {
				if code != exitDamaged || !strings.Contains(errs, w) || strings.Contains(errs, "goroutine") {
					t.Errorf("hall %s (%s): exit %d, want %d and %q; stderr:\n%s", strings.Join(args, " "), lang, code, exitDamaged, w, errs)
					break
				}
			}
		}
	}
	if after, _ := os.ReadFile(casefile.TailPath(crashed)); string(after) != string(before) {
		t.Error("a command changed the damaged tail")
	}
}
