package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// The story of issue 11, entirely through the command line: a household
// of three applies for urban dibao (MZ-01) and emergency temporary aid
// (MZ-05, 3,000 yuan asked); the case is imported, verified, completed
// and sent to the meeting; six of ten members disagree on the temporary
// aid alone (per-project votes), so the meeting approves dibao and refuses
// the temporary aid, project by project; the letters follow: one approval
// for what was granted, one rejection notice for what was refused.
//
// The amounts from first principles, in fen:
//   - dibao = urban standard × covered − counted household income
//     = 790.00 × 3 − 1,750.00 = 2,370.00 − 1,750.00 = 620.00 a month
//     (the per-capita income 583.333… is never rounded first: that
//     would give (790.00 − 583.33) × 3 = 620.01);
//   - temporary aid proposed = min(asked, 3 × the temporary-aid base of
//     790.00) = min(3,000.00, 2,370.00) = 2,370.00 once (refused here).
//
// The rejection's reason is built when the decision is recorded, from the
// members' reasons as they are then; the notice carries it and no vote
// count (a count is a fact of the minutes, which carry each project's).
func TestDecisionsPerProjectStory(t *testing.T) {
	db := tempDB(t)
	const (
		dibao     = "MZ-01"
		temp      = "MZ-05"
		insurance = "事故损失已由保险公司全额赔付"
	)
	rec := map[string]any{
		"applicant": map[string]any{"doc_number": validID("19800101", 11), "name": "欧阳娜娜", "phone": "13912345678"},
		"household": map[string]any{"area": "urban", "members": []any{
			map[string]any{"person": map[string]any{"doc_number": validID("19800101", 11), "name": "欧阳娜娜"}, "relation": "本人",
				"incomes": []any{map[string]any{"kind": "wages", "source": "县环卫所公益性岗位", "monthly": "1750.00"}}},
			map[string]any{"person": map[string]any{"doc_number": validID("19790304", 13), "name": "李建军"}, "relation": "配偶"},
			map[string]any{"person": map[string]any{"doc_number": validID("20150607", 24), "name": "李小雨"}, "relation": "子女"},
		}},
		"applications": []any{map[string]any{"project": dibao, "requested": "0"}, map[string]any{"project": temp, "requested": "3000"}},
		"documents":    []string{"申请书", "身份证"},
		"channel":      "window",
		"received_at":  "2026-11-02",
	}
	line, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "cases.jsonl")
	if err := os.WriteFile(in, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	mustHall(t, "--db", db, "import", in)
	const n = "2026-000001"

	for _, ev := range [][]string{
		{"income_check", "--set", "monthly_income=1750"},
		{"asset_check", "--set", "deposits=2000", "--set", "homes=1"},
		{"vehicle", "--set", "vehicles=0"},
		{"housing", "--set", "homes=1"},
		{"home_visit"},
	} {
		mustHall(t, append([]string{"--db", db, "case", "evidence", n, "--source", "civil_affairs", "--date", "2026-11-10", "--kind"}, ev...)...)
	}
	mustHall(t, "--db", db, "case", "documents", n, "--received", "户口簿", "--received", "家庭经济状况核对授权书",
		"--received", "收入证明", "--received", "银行卡（折）复印件", "--received", "事故或灾害证明材料")
	if out := mustHall(t, "--db", db, "case", "ready", n); !strings.Contains(out, "待研判") || strings.Contains(out, "缺少") {
		t.Fatalf("ready: %q", out)
	}
	c := stored(t, db, n)
	if c.Apps[0].Proposed != 62000 || c.Apps[1].Proposed != 237000 {
		t.Fatalf("proposed %s and %s, want 620.00 (790.00 × 3 − 1,750.00) and 2,370.00 (min(3,000.00, 3 × 790.00))",
			c.Apps[0].Proposed, c.Apps[1].Proposed)
	}

	out := mustHall(t, "--db", db, "session", "new", "--place", "二楼会议室", "--date", "2026-11-20")
	_, s, _ := strings.Cut(out, "：")
	s, _, _ = strings.Cut(s, "（")
	attend := []string{"--db", db, "session", "attend", s}
	for i := 1; i <= 10; i++ {
		attend = append(attend, fmt.Sprint(i))
	}
	mustHall(t, attend...)
	if out := mustHall(t, "--db", db, "session", "agenda", s); !strings.Contains(out, n) {
		t.Fatalf("agenda of %s: %q", s, out)
	}
	// Four agree to all; six agree to dibao and disagree on the temporary
	// aid, with their reason.
	for i := 1; i <= 10; i++ {
		args := []string{"--db", db, "session", "vote", s, n, fmt.Sprint(i), "agree"}
		if i > 4 {
			args = append(args, "--project", temp+"=disagree", "--reason", insurance)
		}
		mustHall(t, args...)
	}
	if _, errs, code := hall(t, "--db", db, "session", "vote", s, n, "1", "agree", "--project", temp+"=disagree"); code != exitFailed || !strings.Contains(errs, "理由") {
		t.Errorf("a per-project disagreement without a reason: exit %d, %q", code, errs)
	}

	// The whole-case approval goes against the vote on the temporary aid.
	if _, errs, code := hall(t, "--db", db, "session", "decide", s, n, "approve"); code != exitFailed || !strings.Contains(errs, temp) {
		t.Errorf("approve both: exit %d, %q", code, errs)
	}
	// A changed amount needs its reason.
	if _, errs, code := hall(t, "--db", db, "session", "decide", s, n, "--project", dibao+"=approve:600", "--project", temp+"=reject", "--reason", insurance); code != exitFailed || !strings.Contains(errs, "调整理由") {
		t.Errorf("a changed amount without --amount-reason: exit %d, %q", code, errs)
	}
	// A reason drafted with a vote count (as before any vote) is refused.
	if _, errs, code := hall(t, "--db", db, "session", "decide", s, n, "--project", dibao+"=approve", "--project", temp+"=reject",
		"--reason", "经综合研判会研判，不予救助：条件不符。表决：同意 0 票，不同意 0 票，弃权 0 票。"); code != exitFailed || !strings.Contains(errs, "票数") {
		t.Errorf("a reason with a vote count: exit %d, %q", code, errs)
	}
	if _, errs, code := hall(t, "--db", db, "session", "decide", s, n, "--project", dibao+"=grant"); code != exitUsage || !strings.Contains(errs, "--project") {
		t.Errorf("a bad --project: exit %d, %q", code, errs)
	}
	out = mustHall(t, "--db", db, "session", "decide", s, n, "--project", dibao+"=approve", "--project", temp+"=reject", "--default-reason")
	for _, w := range []string{"已决定 " + n + "：已批准，核定 每月 620.00 元", dibao + " 城市最低生活保障：批准 每月 620.00 元",
		temp + " 急难型临时救助：不予救助：" + insurance} {
		if !strings.Contains(out, w) {
			t.Errorf("decide says\n%s\nwant %q", out, w)
		}
	}
	mustHall(t, "--db", db, "session", "close", s)
	show := mustHall(t, "--db", db, "session", "show", s)
	for _, w := range []string{"→ 核定 每月 620.00 元（2026-12 起 12 个月）", "合计：批准 1，不予救助 0，暂缓 0", "按项目：批准 1，不予救助 1，暂缓 0", "→ 不予救助：" + insurance, "同意，" + temp + " 不同意 — " + insurance} {
		if !strings.Contains(show, w) {
			t.Errorf("session show lacks %q:\n%s", w, show)
		}
	}

	// the dibao approval waits on its public notice (20 to 26 November),
	// which has ended by now (lifecycle: hall publicity close)
	if c = stored(t, db, n); c.Status != casefile.StatusPublicity {
		t.Fatalf("case after the close: %s, want on public notice", c.Status)
	}
	mustHall(t, "--db", db, "publicity", "close")
	c = stored(t, db, n)
	if c.Status != casefile.StatusApproved || c.Apps[0].Outcome != casefile.OutcomeGranted || c.Apps[0].Granted != 62000 ||
		c.Apps[0].StartMonth != "2026-12" || c.Apps[1].Outcome != casefile.OutcomeDeclined || c.Apps[1].Granted != 0 ||
		c.Apps[1].Reason != insurance {
		t.Fatalf("case after the decision: %s %+v", c.Status, c.Apps)
	}
	var note string // the decision's entry (the notice's two follow it)
	for _, h := range c.History {
		if h.Action == string(casefile.ActionDecision) {
			note = h.Text().ZH
		}
	}
	if !strings.Contains(note, "「急难型临时救助」不予救助："+insurance) || !strings.Contains(note, "「城市最低生活保障」批准 620.00 元") {
		t.Errorf("history: %q", note)
	}

	pdftotext := printTools(t)
	letter := filepath.Join(t.TempDir(), "letter.pdf")
	mustHall(t, "--db", db, "print", "letter", n, "--out", letter)
	text := pdfFileText(t, pdftotext, letter)
	approval, notice, ok := strings.Cut(text, "不予救助告知书")
	if !ok {
		t.Fatalf("no rejection notice among the letters:\n%s", text)
	}
	for _, w := range []string{"救助决定书", "欧阳娜娜", "提出的城市最低生活保障申请", "城市最低生活保障：每月620.00元，自2026年12月起，共12个月"} {
		if !strings.Contains(approval, w) {
			t.Errorf("the approval lacks %q:\n%s", w, approval)
		}
	}
	if strings.Contains(approval, "急难型临时救助") || strings.Contains(approval, "2,370.00") {
		t.Errorf("the approval names the refused aid:\n%s", approval)
	}
	for _, w := range []string{"提出的急难型临时救助申请", "决定不予救助", insurance, "申请行政复议", "送达回证"} {
		if !strings.Contains(notice, w) {
			t.Errorf("the rejection notice lacks %q:\n%s", w, notice)
		}
	}
	for _, never := range []string{"票", "表决", "620.00"} {
		if strings.Contains(notice, never) {
			t.Errorf("the rejection notice carries %q:\n%s", never, notice)
		}
	}
	if strings.Contains(text, "票") {
		t.Errorf("a letter carries a vote count:\n%s", text)
	}

	minutes := filepath.Join(t.TempDir(), "minutes.pdf")
	mustHall(t, "--db", db, "print", "minutes", s, "--out", minutes)
	if m := pdfFileText(t, pdftotext, minutes); !strings.Contains(m, "分项表决：城市最低生活保障同意10票，不同意0票，弃权0票；急难型临时救助同意4票，不同意6票，弃权0票。") {
		t.Errorf("the minutes lack the per-project votes:\n%s", m)
	}
}
