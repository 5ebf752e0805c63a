package casefile

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm"
)

// RuleEnv is what an eligibility, threshold or amount rule of the
// catalogue can read. Money values are integer fen; yuan(n) converts whole
// yuan, share(x, pct) takes pct percent of x rounded to the fen.
//
// per_capita_income is the rounded figure of the screens in an
// eligibility rule, but the exact quotient household_income ÷ members in
// a threshold or amount rule: (standard − per_capita_income) × covered is
// then standard × covered − household income to the fen, rounded once at
// the end, never from a per-capita figure rounded first.
type RuleEnv struct {
	PerCapitaIncome   int64            `expr:"per_capita_income"`   // counted household income ÷ members, rounded to the fen (eligibility rules)
	HouseholdIncome   int64            `expr:"household_income"`    // counted household income per month, fen
	Members           int              `expr:"members"`             // co-resident members
	Covered           int              `expr:"covered"`             // members covered by monthly aid
	Area              string           `expr:"area"`                // "urban" or "rural"
	Age               int              `expr:"age"`                 // applicant's age in years
	Sex               string           `expr:"sex"`                 // "M" or "F"
	DisabilityGrade   int              `expr:"disability_grade"`    // 0 none, 1–4
	Flag              map[string]bool  `expr:"flag"`                // applicant's flags: flag.student …
	MemberFlag        map[string]bool  `expr:"member_flag"`         // flags any co-resident member (the applicant too) carries: member_flag.serious_illness …
	Standard          map[string]int64 `expr:"standard"`            // local standards, fen
	Deposits          int64            `expr:"deposits"`            // household deposits and financial assets, fen
	DepositsPerCapita int64            `expr:"deposits_per_capita"` // deposits ÷ members, fen
	Homes             int              `expr:"homes"`               // homes owned
	Vehicles          int              `expr:"vehicles"`            // vehicles other than disability vehicles and motorbikes
	MedicalTotal      int64            `expr:"medical_total"`       // medical bills, total, fen
	InsurancePaid     int64            `expr:"insurance_paid"`      // paid by insurance, fen
	MedicalOOP        int64            `expr:"medical_oop"`         // compliant out-of-pocket cost, fen
	Requested         int64            `expr:"requested"`           // amount requested, fen
	Holding           []string         `expr:"holding"`             // project codes the household holds
}

// Rule is one compiled expression from the catalogue.
type Rule struct {
	Source  string
	program *vm.Program
	clauses *clause // a boolean rule's conditions, each compiled apart (Catalog.Unmet)
}

var ruleFuncs = []expr.Option{
	expr.Function("yuan", func(p ...any) (any, error) {
		return toInt(p[0]) * 100, nil
	}, new(func(int) int)),
	expr.Function("share", func(p ...any) (any, error) {
		return int64(Share(Money(toInt(p[0])), toInt(p[1]))), nil
	}, new(func(int, int) int)),
}

func toInt(v any) int64 {
	switch x := v.(type) {
	case int:
		return int64(x)
	case int64:
		return x
	case float64:
		return int64(math.Round(x))
	}
	return 0
}

// compileRule compiles src against RuleEnv. want is reflect.Bool for
// eligibility rules and reflect.Int for amounts (ints or floats allowed).
func compileRule(src string, want reflect.Kind) (*Rule, error) {
	opts := append([]expr.Option{expr.Env(RuleEnv{})}, ruleFuncs...)
	if want == reflect.Bool {
		opts = append(opts, expr.AsBool())
	} else {
		opts = append(opts, expr.Patch(exactPerCapita{}))
	}
	p, err := expr.Compile(src, opts...)
	if err != nil {
		return nil, err
	}
	r := &Rule{Source: src, program: p}
	if want == reflect.Bool {
		r.clauses = compileClauses(src)
	}
	return r, nil
}

// exactPerCapita makes an amount rule read per_capita_income as the
// exact quotient (members > 0 ? household_income / members : 0), a float
// the rule's result is rounded from once: an amount is computed from
// household totals, and a per-capita figure rounded to the fen and
// multiplied back would be off by a fen or more (790 × 3 − 1750 is 620.00,
// not (790 − 583.33) × 3 = 620.01).
type exactPerCapita struct{}

func (exactPerCapita) Visit(node *ast.Node) {
	if id, ok := (*node).(*ast.IdentifierNode); ok && id.Value == "per_capita_income" {
		ident := func(name string) ast.Node { return &ast.IdentifierNode{Value: name} }
		ast.Patch(node, &ast.ConditionalNode{
			Cond: &ast.BinaryNode{Operator: ">", Left: ident("members"), Right: &ast.IntegerNode{Value: 0}},
			Exp1: &ast.BinaryNode{Operator: "/", Left: ident("household_income"), Right: ident("members")},
			Exp2: &ast.FloatNode{Value: 0},
		})
	}
}

// knownFlags are the person flags a rule may test with flag.NAME.
var knownFlags = map[string]bool{FlagStudent: true, FlagChildWithoutCarer: true, FlagOrphan: true,
	FlagVeteran: true, FlagElderlyAlone: true, FlagSeriousIllness: true}

// unknownNames walks the rule's syntax tree for names a map lookup would
// silently read as zero: standard.KEY of no standard, flag.NAME of no
// flag, and "CODE" in holding of no project. nil rules have none.
func (r *Rule) unknownNames(c *Catalog) []string {
	if r == nil {
		return nil
	}
	v := &nameCheck{cat: c}
	node := r.program.Node()
	ast.Walk(&node, v)
	return v.probs
}

type nameCheck struct {
	cat   *Catalog
	probs []string
}

func (v *nameCheck) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.MemberNode:
		id, ok := n.Node.(*ast.IdentifierNode)
		key, ok2 := n.Property.(*ast.StringNode)
		if !ok || !ok2 {
			return
		}
		switch id.Value {
		case "standard":
			if _, known := v.cat.stdMap[key.Value]; !known {
				v.probs = append(v.probs, fmt.Sprintf("unknown standard %q", key.Value))
			}
		case "flag", "member_flag":
			if !knownFlags[key.Value] {
				v.probs = append(v.probs, fmt.Sprintf("unknown flag %q", key.Value))
			}
		}
	case *ast.BinaryNode:
		id, ok := n.Right.(*ast.IdentifierNode)
		code, ok2 := n.Left.(*ast.StringNode)
		if n.Operator == "in" && ok && ok2 && id.Value == "holding" && v.cat.projects[code.Value] == nil {
			v.probs = append(v.probs, fmt.Sprintf("unknown project %q in holding", code.Value))
		}
	}
}

// Bool evaluates a boolean rule. A nil rule is true.
func (r *Rule) Bool(env *RuleEnv) (bool, error) {
	if r == nil {
		return true, nil
	}
	out, err := expr.Run(r.program, env)
	if err != nil {
		return false, fmt.Errorf("rule %q: %w", r.Source, err)
	}
	b, ok := out.(bool)
	if !ok {
		return false, fmt.Errorf("rule %q gave %T, not true/false", r.Source, out)
	}
	return b, nil
}

// Money evaluates an amount rule; a fractional result is rounded half up
// to the fen.
func (r *Rule) Money(env *RuleEnv) (Money, error) {
	out, err := expr.Run(r.program, env)
	if err != nil {
		return 0, fmt.Errorf("rule %q: %w", r.Source, err)
	}
	switch x := out.(type) {
	case int:
		return boundMoney(r, int64(x))
	case int64:
		return boundMoney(r, x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > float64(MaxMoney) {
			return 0, fmt.Errorf("rule %q gave %v, not an amount", r.Source, x)
		}
		return Money(math.Round(x)), nil
	}
	return 0, fmt.Errorf("rule %q gave %T, not an amount", r.Source, out)
}

func boundMoney(r *Rule, v int64) (Money, error) {
	if v > int64(MaxMoney) || v < -int64(MaxMoney) {
		return 0, fmt.Errorf("rule %q gave %d fen, beyond any amount", r.Source, v)
	}
	return Money(v), nil
}

// CountRule is a boolean rule over the counts of a meeting: members,
// present, recused, voting, agree, disagree, abstain.
type CountRule struct {
	Source  string
	program *vm.Program
}

// CountEnv is what a meeting rule reads.
type CountEnv struct {
	Members  int `expr:"members"`  // members invited
	Present  int `expr:"present"`  // members present
	Recused  int `expr:"recused"`  // present members recused for the case
	Voting   int `expr:"voting"`   // present, non-recused members
	Agree    int `expr:"agree"`    // votes to agree
	Disagree int `expr:"disagree"` // votes to disagree
	Abstain  int `expr:"abstain"`  // abstentions
}

func compileCountRule(src string) (*CountRule, error) {
	p, err := expr.Compile(src, expr.Env(CountEnv{}), expr.AsBool())
	if err != nil {
		return nil, err
	}
	return &CountRule{Source: src, program: p}, nil
}

// Eval evaluates the rule for env.
func (r *CountRule) Eval(env CountEnv) bool {
	out, err := expr.Run(r.program, env)
	if err != nil {
		return false
	}
	b, _ := out.(bool)
	return b
}

// countWords name the counts of a meeting rule (CountEnv) in words.
var countWords = map[string]Text{
	"members":  {ZH: "应到委员数", EN: "members invited"},
	"present":  {ZH: "实到委员数", EN: "members present"},
	"recused":  {ZH: "回避人数", EN: "members recused"},
	"voting":   {ZH: "参加表决人数", EN: "members voting"},
	"agree":    {ZH: "同意票数", EN: "votes to agree"},
	"disagree": {ZH: "不同意票数", EN: "votes to disagree"},
	"abstain":  {ZH: "弃权票数", EN: "abstentions"},
}

// countOps name the operators of a meeting rule.
var countOps = map[string]Text{
	">=": {ZH: "≥", EN: "≥"}, "<=": {ZH: "≤", EN: "≤"}, "==": {ZH: "＝", EN: "="}, "!=": {ZH: "≠", EN: "≠"},
	">": {ZH: "＞", EN: ">"}, "<": {ZH: "＜", EN: "<"}, "*": {ZH: "×", EN: "×"}, "/": {ZH: "÷", EN: "÷"},
	"&&": {ZH: "并且", EN: "and"}, "and": {ZH: "并且", EN: "and"}, "||": {ZH: "或者", EN: "or"}, "or": {ZH: "或者", EN: "or"},
	"not": {ZH: "非", EN: "not"}, "!": {ZH: "非", EN: "not"},
}

var (
	countToken = regexp.MustCompile(`[A-Za-z_]+|>=|<=|==|!=|&&|\|\||\S`)
	countHalf  = regexp.MustCompile(`^\s*([a-z]+)\s*\*\s*2\s*>\s*([a-z]+)\s*$`)
)

// Text names the rule in words in both languages, for messages and
// screens: "present * 2 > members" reads 实到委员数超过应到委员数的一半 /
// "members present are more than half of members invited"; other rules
// are read out word by word (实到委员数 × 3 ≥ 应到委员数 × 2). A screen
// never shows the rule's source.
func (r *CountRule) Text() Text {
	if r == nil {
		return Text{}
	}
	if m := countHalf.FindStringSubmatch(r.Source); m != nil {
		a, aok := countWords[m[1]]
		b, bok := countWords[m[2]]
		if aok && bok {
			return T("%s超过%s的一半", "%s are more than half of %s", a, b)
		}
	}
	var zh, en []string
	for _, tok := range countToken.FindAllString(r.Source, -1) {
		w, ok := countWords[tok]
		if !ok {
			w, ok = countOps[tok]
		}
		if !ok {
			w = Text{ZH: tok, EN: tok}
		}
		zh, en = append(zh, w.ZH), append(en, w.EN)
	}
	return Text{ZH: strings.Join(zh, " "), EN: strings.Join(en, " ")}
}
