package printouts

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// Receipt prints the intake receipt (受理回执) of case c, handed over at
// the window by officer on day today: case number, applicant with masked
// ID number, the projects applied for with their departments, the
// documents received, the missing documents (each once, in full), the
// acceptance date, the promised decision date (c.Deadline), the officer,
// the enquiry phone, the hall's name and date with the seal's place, and
// a QR code carrying the case number. officer "" prints c.Officer.
func (p *Printer) Receipt(c *casefile.Case, officer string, today casefile.Date) ([]byte, error) {
	if err := checkCase(c); err != nil {
		return nil, err
	}
	return p.build("受理回执", c, func(d *Doc) { p.receipt(d, c, officer, today) })
}

// receipt sets the receipt of Receipt.
func (p *Printer) receipt(d *Doc, c *casefile.Case, officer string, today casefile.Date) {
	d.QR(QRText(c.Number, ""))
	d.Title("受理回执")
	d.Line(applicantName(c) + "：")
	received := c.ReceivedDate()
	if received.IsZero() {
		received = today
	}
	d.Para(fmt.Sprintf("你于%s提交的社会救助申请，本中心已予受理。有关事项告知如下：", received.Chinese()))

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
	applicant := applicantName(c)
	if id := maskedID(c); id != "" {
		applicant += "（" + id + "）"
	}
	deadline := "按规定时限作出决定"
	if !c.Deadline.IsZero() {
		deadline = c.Deadline.Chinese() + "前作出决定"
	}
	rows := [][]string{
		{"案件编号", c.Number},
		{"申请人", applicant},
		{"申请项目", strings.Join(projects, "\n")},
		{"已收材料", receivedCell},
		{"尚缺材料", missingCell},
		{"受理日期", received.Chinese()},
		{"承诺办结时限", deadline},
		{"受理人", cmp.Or(officer, c.Officer)},
		{"咨询电话", p.cat.County.EnquiryPhone},
	}
	if c.Channel != "" && c.Channel != casefile.ChannelWindow {
		rows = append(rows[:2], append([][]string{{"受理方式", c.Channel.Label(casefile.ZH)}}, rows[2:]...)...)
	}
	d.Table([]Column{{Width: 28, Align: AlignCenter}, {Width: 72}}, rows)
	note := "本回执仅证明申请已经受理，不代表审核结果，请妥善保管；可凭案件编号或扫描右上角二维码查询办理进度。"
	if len(missing) > 0 {
		note = "请尽快补齐上述尚缺材料。" + note
	}
	d.Para(note)
	d.SignatureBlock(p.hall(), today)
}
