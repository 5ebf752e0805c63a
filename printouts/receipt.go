package printouts

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// Receipt prints the intake receipt (受理回执) of case c: case number,
// applicant with masked ID number, the projects applied for with their
// departments, the documents received, the missing documents (each once,
// in full), the acceptance date (the day the case was received), the
// promised decision date (c.Deadline), the officer by real name, the
// enquiry phone, the hall's name with the seal's place, dated the day of
// acceptance, and a QR code. officer is the officer's real name
// (casefile.Tx.DisplayName); "" leaves a line for them to sign, never a
// login name. A reprint on a later day today says so.
//
// With a seal key (WithSealKey) the QR code, and the caption under it,
// carry the receipt's check code (SealCode of ReceiptFacts), which `hall verify`
// checks against the records; without one the QR code carries only the
// case number and the receipt promises no check.
func (p *Printer) Receipt(c *casefile.Case, officer string, today casefile.Date) ([]byte, error) {
	if err := checkCase(c); err != nil {
		return nil, err
	}
	return p.build("受理回执", c, func(d *Doc) { p.receipt(d, c, officer, today) })
}

// receipt sets the receipt of Receipt.
func (p *Printer) receipt(d *Doc, c *casefile.Case, officer string, today casefile.Date) {
	code := ""
	if len(p.sealKey) > 0 {
		code = SealCode(p.sealKey, p.ReceiptFacts(c))
		d.QR(code)
		d.QRCaption("核验码 " + code)
	} else {
		d.QR(QRText(c.Number, ""))
	}
	d.Title("受理回执")
	received := c.ReceivedDate()
	if received.IsZero() {
		received = today
	}
	guardian, minor := receiptGuardian(c, received)
	if minor {
		// A child's receipt goes to the guardian; the child is named as
		// the person applied for.
		d.Line(cmp.Or(guardian, applicantName(c)+"的监护人") + "：")
	} else {
		d.Line(applicantName(c) + "：")
	}
	d.Para(receiptOpening(c, received, minor) + "有关事项告知如下：")

	var projects []string
	for i, a := range c.Apps {
		projects = append(projects, fmt.Sprintf("%d. %s", i+1, p.projectWithDept(a.Project)))
	}
	missing := p.cat.MissingDocuments(c)
	missingCell := "无"
	if len(missing) > 0 {
		var lines []string
		for i, doc := range missing {
			lines = append(lines, fmt.Sprintf("%d. %s", i+1, doc))
		}
		missingCell = strings.Join(lines, "\n")
	}
	receivedCell := "无"
	if len(c.Documents) > 0 {
		receivedCell = strings.Join(c.Documents, "、")
	}
	var about []string
	if id := maskedID(c); id != "" {
		about = append(about, id)
	}
	if minor {
		about = append(about, "未成年人")
	}
	applicant := applicantName(c)
	if len(about) > 0 {
		applicant += "（" + strings.Join(about, "，") + "）"
	}
	if officer == "" {
		officer = "（签名）"
	}
	rows := [][]string{
		{"案件编号", c.Number},
		{"申请人", applicant},
		{"申请项目", strings.Join(projects, "\n")},
		{"已收材料", receivedCell},
		{"尚缺材料", missingCell},
		{"受理日期", received.Chinese()},
		{"承诺办结时限", deadlineText(c)},
		{"受理人", officer},
		{"咨询电话", p.cat.County.EnquiryPhone},
	}
	if minor {
		rows = append(rows[:2], append([][]string{{"监护人", cmp.Or(guardian, "（未登记）")}}, rows[2:]...)...)
	}
	if c.Channel != "" && c.Channel != casefile.ChannelWindow {
		rows = append(rows[:2], append([][]string{{"受理方式", c.Channel.Label(casefile.ZH)}}, rows[2:]...)...)
	}
	d.Table([]Column{{Width: 28, Align: AlignCenter}, {Width: 72}}, rows)
	var note strings.Builder
	if len(missing) > 0 {
		note.WriteString("请尽快补齐上述尚缺材料。")
	}
	note.WriteString("本回执仅证明申请已经受理，不代表审核结果；办理进度可凭案件编号拨打咨询电话查询")
	if code != "" {
		note.WriteString("，本回执真伪可凭右上角二维码或其下的核验码向本中心核对")
	}
	note.WriteString("。")
	if today != received && !today.IsZero() {
		note.WriteString(fmt.Sprintf("本回执于%s补打。", today.Chinese()))
	}
	d.Para(note.String())
	d.SignatureBlock(p.hall(), received)
}

// receiptGuardian tells whether the applicant was a minor on the day the
// case was received (under 18, or with no birth date but a guardian on
// record) and names the guardian: the one recorded with the applicant,
// else a parent or grandparent in the household.
func receiptGuardian(c *casefile.Case, on casefile.Date) (guardian string, minor bool) {
	a := c.Applicant
	switch {
	case !a.Birth.IsZero():
		minor = a.AgeOn(on) < adultAge
	default:
		minor = a.GuardianName != ""
	}
	if !minor {
		return "", false
	}
	if a.GuardianName != "" {
		return a.GuardianName, true
	}
	for _, m := range c.Household.Members {
		switch m.Relation {
		case "父亲", "母亲", "父母", "祖父", "祖母", "祖父母", "外祖父", "外祖母", "外祖父母", "监护人":
			if m.Person.Name != "" && m.Person.Name != a.Name {
				return m.Person.Name + "（" + m.Relation + "）", true
			}
		}
	}
	return "", true
}

// receiptOpening is the receipt's first sentence, by how the case reached
// the hall: an application handed in (你于…提交的社会救助申请，本中心已予
// 受理。), a need the hall found itself or a department referred, which
// nobody "handed in"; for a child, addressed to the guardian.
func receiptOpening(c *casefile.Case, received casefile.Date, minor bool) string {
	whose := "你"
	if minor {
		whose = applicantName(c)
	}
	switch c.Channel {
	case casefile.ChannelOutreach:
		return fmt.Sprintf("经本中心主动发现，%s的社会救助事项已于%s受理。", whose, received.Chinese())
	case casefile.ChannelDepartment:
		return fmt.Sprintf("经有关部门转介，%s的社会救助事项已于%s受理。", whose, received.Chinese())
	}
	if minor {
		return fmt.Sprintf("你于%s为%s提交的社会救助申请，本中心已予受理。", received.Chinese(), whose)
	}
	return fmt.Sprintf("你于%s提交的社会救助申请，本中心已予受理。", received.Chinese())
}
