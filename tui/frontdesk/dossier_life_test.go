package frontdesk

import (
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// runningAid stores 王秀兰's urban dibao, approved on 20 January 2026,
// 790.00 a month from February 2026 for 12 months, in effect; the
// decision letter was handed to her on 22 January, and the aid is paid
// to her account at the rural credit cooperative.
func runningAid(t *testing.T, st *casefile.Store) string {
	t.Helper()
	n := lifeCase(t, st, "王秀兰", validID("61060219560302002"), date(t, "1956-03-02"), "YH2026-001", date(t, "2026-01-20"), 79000, "2026-02", 12, false)
	if _, err := st.Notify(n, casefile.Delivery{Method: casefile.DeliverDirect, Date: date(t, "2026-01-22"), Receiver: "王秀兰"}, testUser); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetAccount(n, casefile.Account{Holder: "王秀兰", Bank: "县农村信用社", Number: "6217 0000 1234 5678"}, testUser); err != nil {
		t.Fatal(err)
	}
	return n
}

// The dossier of a running aid shows, after the decision: the delivery,
// the account with its last four digits only, the aid of 790.00 a month
// from 2026-02 and the next review. She is 70, so nobody in the
// household is able to work: reviewed yearly, 12 months after the
// start, on 2027-02-01.
func TestDossierLife(t *testing.T) {
	st := openStore(t, false)
	n := runningAid(t, st)
	eachScreen(t, st, func(d *driver) {
		d.send(common.NavigateMsg{To: common.PageDossier, Number: n})
	})
	d := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: n})
	d.must("决定之后", "送达 2026-01-22  决定书  直接送达  签收人 王秀兰", "发放账户 县农村信用社 ************5678  户名 王秀兰",
		"在享救助 MZ-01", "每月 790.00 元，2026-02 至 2027-01", "下次复核 2027-02-01")
	d.mustNot("1234 5678", "12345678")
}

// An approval on notice since 25 November shows its days left on Friday
// 27 November: 27, 28, 29, 30 November and 1 December, 5 days; its aid
// is not yet running. An emergency payment made today shows its papers
// due 5 working days later, Friday 4 December.
func TestDossierLifeNoticeAndPayFirst(t *testing.T) {
	st := openStore(t, false)
	n := lifeCase(t, st, "李建国", validID("61060219620715001"), date(t, "1962-07-15"), "YH2026-012", date(t, "2026-11-25"), 79000, "2026-12", 12, true)
	d := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: n})
	d.must("决定之后", "公示 2026-11-25 至 2026-12-01，剩 5 天", "救助 MZ-01")
	d.mustNot("在享救助", "下次复核")

	c, err := st.Intake(&casefile.Draft{
		Applicant: casefile.Person{DocType: casefile.DocResidentID, DocNumber: validID("61060219700101009"), Name: "何伟", Birth: date(t, "1970-01-01"), Township: "城关镇", Village: "东关村"},
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{{Relation: casefile.RelationSelf}}},
		Apps:      []casefile.Application{{Project: "MZ-05", Requested: 300000}},
		Channel:   casefile.ChannelWindow,
		Received:  fixedNow.Add(-time.Hour),
	}, testUser)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PayFirst(c.Number, 100000, testUser); err != nil {
		t.Fatal(err)
	}
	e := newDriver(t, NewStore(st), casefile.EN, 120, 40)
	e.send(common.NavigateMsg{To: common.PageDossier, Number: c.Number})
	e.must("After the decision", "paid first 2026-11-27  1,000.00 yuan  papers due by 2026-12-04")
}
