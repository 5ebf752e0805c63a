package casefile

import (
	"cmp"
	"fmt"
	"math"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// An eligibility rule is split into its conditions when it is compiled,
// each compiled on its own, so that a rule that fails says which of its
// conditions failed, with the figures (人均月收入 900.00 元，高于城市低保
// 标准 790.00 元; 申请金额未填写), never the whole policy text.

// clause is one condition of a boolean rule: an "and" or "or" of
// clauses, a comparison, a flag, a holding test, or any other test.
type clause struct {
	src  string
	op   string      // "&&", "||", a comparison operator, or "" for another test
	kids []*clause   // of "&&" and "||"
	test *vm.Program // the clause itself, true or false
	// a comparison: left and right evaluated apart; lname and rname are
	// the identifiers they read, when they are one ("per_capita_income",
	// "standard.urban_dibao")
	left, right  *vm.Program
	lname, rname string
	flag         string // flag.NAME
	memberFlag   string // member_flag.NAME
	holding      string // "CODE" in holding
}

// compileClauses splits the boolean rule src into its clauses; nil when it
// cannot (the rule itself still runs).
func compileClauses(src string) *clause {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil
	}
	c, err := buildClause(tree.Node)
	if err != nil {
		return nil
	}
	return c
}

func ruleProgram(src string, asBool bool) (*vm.Program, error) {
	opts := append([]expr.Option{expr.Env(RuleEnv{})}, ruleFuncs...)
	if asBool {
		opts = append(opts, expr.AsBool())
	}
	return expr.Compile(src, opts...)
}

func buildClause(n ast.Node) (*clause, error) {
	src := n.String()
	test, err := ruleProgram(src, true)
	if err != nil {
		return nil, err
	}
	c := &clause{src: src, test: test}
	switch x := n.(type) {
	case *ast.BinaryNode:
		switch x.Operator {
		case "&&", "and", "||", "or":
			c.op = "&&"
			if x.Operator == "||" || x.Operator == "or" {
				c.op = "||"
			}
			for _, side := range []ast.Node{x.Left, x.Right} {
				k, err := buildClause(side)
				if err != nil {
					return nil, err
				}
				if k.op == c.op {
					c.kids = append(c.kids, k.kids...) // a && (b && c) is one list
				} else {
					c.kids = append(c.kids, k)
				}
			}
		case "<", "<=", ">", ">=", "==", "!=":
			c.op = x.Operator
			if c.left, err = ruleProgram(x.Left.String(), false); err != nil {
				return nil, err
			}
			if c.right, err = ruleProgram(x.Right.String(), false); err != nil {
				return nil, err
			}
			c.lname, c.rname = nodeName(x.Left), nodeName(x.Right)
		case "in":
			code, ok := x.Left.(*ast.StringNode)
			if id, ok2 := x.Right.(*ast.IdentifierNode); ok && ok2 && id.Value == "holding" {
				c.holding = code.Value
			}
		}
	case *ast.MemberNode:
		name := nodeName(x)
		if f, ok := strings.CutPrefix(name, "flag."); ok {
			c.flag = f
		} else if f, ok := strings.CutPrefix(name, "member_flag."); ok {
			c.memberFlag = f
		}
	}
	return c, nil
}

// nodeName is "name" for an identifier and "name.key" for a member of a
// map read with a constant key; "" for anything else.
func nodeName(n ast.Node) string {
	switch x := n.(type) {
	case *ast.IdentifierNode:
		return x.Value
	case *ast.MemberNode:
		id, ok := x.Node.(*ast.IdentifierNode)
		key, ok2 := x.Property.(*ast.StringNode)
		if ok && ok2 {
			return id.Value + "." + key.Value
		}
	}
	return ""
}

func (c *clause) holds(env *RuleEnv) bool {
	out, err := expr.Run(c.test, env)
	b, _ := out.(bool)
	return err == nil && b
}

// Unmet is one condition of a rule that does not hold, in words with its
// figures. Value and Limit are set (in fen) when the condition compares
// an amount with a line.
type Unmet struct {
	Text  Text
	Var   string // what the condition reads ("per_capita_income"), when one
	Value Money
	Limit Money
	Money bool // Value and Limit are amounts
}

// Unmet lists, in order, the conditions of the boolean rule r that do not
// hold for env, each in words with its figures. A nil rule, or a rule
// that holds, has none.
func (cat *Catalog) Unmet(r *Rule, env *RuleEnv) []Unmet {
	if r == nil || r.clauses == nil {
		return nil
	}
	return cat.unmet(r.clauses, env)
}

func (cat *Catalog) unmet(c *clause, env *RuleEnv) []Unmet {
	if c.holds(env) {
		return nil
	}
	switch c.op {
	case "&&":
		var out []Unmet
		for _, k := range c.kids {
			out = append(out, cat.unmet(k, env)...)
		}
		return out
	case "||":
		var zh, en []string
		for _, k := range c.kids {
			for _, u := range cat.unmet(k, env) {
				zh, en = append(zh, u.Text.ZH), append(en, u.Text.EN)
			}
		}
		return []Unmet{{Text: T("以下条件均不满足：%s", "none of these holds: %s", Text{ZH: strings.Join(zh, "；"), EN: strings.Join(en, "; ")})}}
	}
	return []Unmet{cat.leaf(c, env)}
}

// varWords name what a rule reads and format its values.
var varWords = map[string]struct {
	name   Text
	unitZH string // after the number in Chinese (amounts say 元/yuan)
	unitEN string // after the number in English, when one reads well
	money  bool
}{
	"per_capita_income":   {name: Text{"人均月收入", "per-capita monthly income"}, money: true},
	"household_income":    {name: Text{"家庭月收入", "household monthly income"}, money: true},
	"deposits":            {name: Text{"家庭存款", "household deposits"}, money: true},
	"deposits_per_capita": {name: Text{"人均存款", "deposits per person"}, money: true},
	"medical_total":       {name: Text{"医疗费用总额", "medical costs"}, money: true},
	"insurance_paid":      {name: Text{"医保报销", "paid by insurance"}, money: true},
	"medical_oop":         {name: Text{"合规自付医疗费用", "compliant out-of-pocket medical cost"}, money: true},
	"requested":           {name: Text{"申请金额", "requested amount"}, money: true},
	"age":                 {name: Text{"年龄", "age"}, unitZH: "岁", unitEN: "years"},
	"members":             {name: Text{"家庭人口", "household members"}, unitZH: "人"},
	"covered":             {name: Text{"保障人数", "members covered"}, unitZH: "人"},
	"homes":               {name: Text{"住房", "homes"}, unitZH: "套"},
	"vehicles":            {name: Text{"机动车辆", "motor vehicles"}, unitZH: "辆"},
	"disability_grade":    {name: Text{"残疾等级", "disability grade"}},
	"sex":                 {name: Text{"申请人性别", "applicant's sex"}},
	"area":                {name: Text{"户籍类别", "household area"}},
}

// missingWords say what is missing when a figure that must be above zero
// is zero: nothing was filled in or brought.
var missingWords = map[string]Text{
	"requested":   {"申请金额未填写", "the requested amount is not filled in"},
	"medical_oop": {"缺少医疗费用票据", "no medical bill is on file"},
	"members":     {"未登记家庭成员", "no household member is recorded"},
}

// value is a figure as a sentence reads it: 900.00 元, 45 岁, 男.
func (cat *Catalog) value(name string, v any) Text {
	w := varWords[name]
	switch x := v.(type) {
	case string:
		switch name {
		case "sex":
			if l, ok := sexLabels[Sex(x)]; ok {
				return l
			}
		case "area":
			if l, ok := areaLabels[Area(x)]; ok {
				return l
			}
		}
		return Text{ZH: x, EN: x}
	}
	n, _ := number(v)
	if w.money {
		m := Money(math.Round(n))
		return T("%s 元", "%s yuan", m.String())
	}
	if name == "disability_grade" {
		return DisabilityLabel(int(n))
	}
	var t Text
	t.ZH = strings.TrimSpace(fmt.Sprintf("%v %s", n, w.unitZH))
	t.EN = strings.TrimSpace(fmt.Sprintf("%v %s", n, w.unitEN))
	return t
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// leaf says why one condition that is not an "and" or an "or" fails.
func (cat *Catalog) leaf(c *clause, env *RuleEnv) Unmet {
	switch {
	case c.flag != "":
		return Unmet{Text: T("申请人未登记为「%s」", "the applicant is not recorded as %s", FlagLabel(c.flag))}
	case c.memberFlag != "":
		return Unmet{Text: T("家庭成员中无人登记为「%s」", "no household member is recorded as %s", FlagLabel(c.memberFlag))}
	case c.holding != "":
		name := Text{ZH: c.holding, EN: c.holding}
		if p := cat.Project(c.holding); p != nil {
			name = Text{ZH: p.Name, EN: p.Label(EN)}
		}
		return Unmet{Text: T("本户未享受「%s」", "the household does not hold %s", name)}
	case c.left != nil:
		return cat.comparison(c, env)
	}
	return Unmet{Text: T("不符合本项目的一项条件", "one of the project's conditions is not met")}
}

// comparison says why "left OP right" fails, with both figures.
func (cat *Catalog) comparison(c *clause, env *RuleEnv) Unmet {
	lv, err1 := expr.Run(c.left, env)
	rv, err2 := expr.Run(c.right, env)
	w, known := varWords[c.lname]
	if err1 != nil || err2 != nil || !known {
		return Unmet{Text: T("不符合本项目的一项条件", "one of the project's conditions is not met")}
	}
	ln, lnum := number(lv)
	rn, _ := number(rv)
	u := Unmet{Var: c.lname, Money: w.money && lnum}
	if u.Money {
		u.Value, u.Limit = Money(math.Round(ln)), Money(math.Round(rn))
	}
	if t, ok := missingWords[c.lname]; ok && (c.op == ">" || c.op == ">=") && lnum && ln == 0 && rn >= 0 {
		u.Text = t
		return u
	}
	if c.lname == "disability_grade" && ln == 0 && (c.op == ">=" || c.op == ">") {
		u.Text = T("未登记残疾等级", "no disability grade is recorded")
		return u
	}
	have := T("%s %s", "%s %s", w.name, cat.value(c.lname, lv))
	if _, isStr := lv.(string); isStr {
		have = T("%s为%s", "%s is %s", w.name, cat.value(c.lname, lv))
	}
	limit := cat.value(c.lname, rv)
	if key, ok := strings.CutPrefix(c.rname, "standard."); ok {
		if s := cat.standard(key); s != nil {
			var named Text // 城市低保标准 790.00 元 / the urban dibao standard of 790.00 yuan
			named.ZH = dropUnit(s.Name, "（", "元") + " " + limit.ZH
			named.EN = "the " + dropUnit(cmp.Or(s.NameEN, s.Key), " (", "yuan") + " of " + limit.EN
			limit = named
		}
	} else if w.money && c.rname == "" && !isLiteral(c.right) {
		limit = T("标准 %s", "the line of %s", limit)
	}
	if l := limit.ZH; l != "" && l[0] >= '0' && l[0] <= '9' {
		limit.ZH = " " + l // 高于 1 套, 高于城市低保标准 790.00 元
	}
	switch {
	case c.op == "<" && ln == rn, c.op == ">" && ln == rn:
		must := Text{"低于", "below"}
		if c.op == ">" {
			must = Text{"高于", "above"}
		}
		u.Text = T("%s，等于%s，未%s", "%s equals %s; it must be %s", have, limit, must)
	case (c.op == "<" || c.op == "<=") && c.lname == "disability_grade":
		u.Text = T("%s，轻于%s", "%s is milder than %s", have, limit)
	case c.op == "<" || c.op == "<=":
		u.Text = T("%s，高于%s", "%s is above %s", have, limit)
	case c.op == ">" || c.op == ">=":
		u.Text = T("%s，低于%s", "%s is below %s", have, limit)
	case c.op == "==":
		u.Text = T("%s，应为%s", "%s; it must be %s", have, limit)
	default: // !=
		u.Text = T("%s，不应为%s", "%s; it must not be %s", have, limit)
	}
	return u
}

// isLiteral reports whether a compiled operand is a constant: its
// program has no variables to read. A constant limit reads as a bare
// figure (60 岁), a computed one as "the line of".
func isLiteral(p *vm.Program) bool {
	switch p.Node().(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.StringNode, *ast.ConstantNode:
		return true
	}
	return false
}

// dropUnit drops a standard's name's closing bracket that only gives its
// unit (（元/人·月）), which the figure after it says again.
func dropUnit(name, open, unit string) string {
	if i := strings.LastIndex(name, open); i > 0 && strings.Contains(name[i:], unit) {
		return name[:i]
	}
	return name
}

func (cat *Catalog) standard(key string) *Standard {
	for i := range cat.Standards {
		if cat.Standards[i].Key == key {
			return &cat.Standards[i]
		}
	}
	return nil
}

// NeedsRequested reports whether the project cannot do without a
// requested amount: it has no amount rule, its amount is what was
// requested, or its eligibility tests the requested amount (MZ-05, MZ-06:
// the rule caps what was asked for).
func (p *Project) NeedsRequested() bool {
	if p.Amount == nil || strings.TrimSpace(p.Amount.Source) == "requested" {
		return true
	}
	return p.Eligibility != nil && p.Eligibility.reads("requested")
}

// reads reports whether the rule reads the variable name.
func (r *Rule) reads(name string) bool {
	v := &readsVar{name: name}
	node := r.program.Node()
	ast.Walk(&node, v)
	return v.found
}

type readsVar struct {
	name  string
	found bool
}

func (v *readsVar) Visit(node *ast.Node) {
	if id, ok := (*node).(*ast.IdentifierNode); ok && id.Value == v.name {
		v.found = true
	}
}
