// Package langcheck finds every bilingual pair written in the module's Go
// source and checks that both languages are there and agree: the Chinese
// side speaks Chinese, the English side has no Chinese in it, and both
// sides take the same printf arguments.
//
// A pair is, in the source:
//   - a call to a pair helper, that is any function or method declared in
//     the module with two adjacent string parameters named zh and en
//     (casefile.T, (*casefile.Error).Withf, newError, casefile.NewError, cmd/hall's a.t …),
//     with string literals (or fmt.Sprintf of literals) in those places;
//   - a casefile.Text composite literal, keyed (Text{ZH: …, EN: …}) or
//     positional, also as the elided element of a map or slice of Text;
//   - an entry "key": {"zh", "en"} of a label table of type
//     map[string][2]string (the tui's tables before phase 2).
//
// For the label tables it also checks that no key is defined twice in a
// package and that every literal key looked up with X.T("key"),
// X.Tf("key", …) or tr(lang, "key") exists.
//
// The package reads source only; it never imports the packages it checks.
package langcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Problem is one thing wrong with a pair or a key, at a place in a file.
type Problem struct {
	File   string // path relative to the root, with forward slashes
	Line   int
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason) }

// Pair is one bilingual pair found in the source. A side that is not a
// literal (a variable, a call) is Known false and is not judged.
type Pair struct {
	File     string
	Line     int
	Key      string // the label key for a table entry, else ""
	ZH, EN   string
	ZHKnown  bool
	ENKnown  bool
	HasZH    bool // the side is written at all (a Text literal may leave one out)
	HasEN    bool
	Function string // what made the pair: "T", "Withf", "Text{}", "table" …
}

// Check parses every non-test .go file under root (skipping testdata,
// vendor and hidden directories) and returns the problems found, sorted
// by file and line.
func Check(root string) ([]Problem, error) {
	probs, _, err := checkTree(root)
	return probs, err
}

// Pairs returns every pair found under root, in the order of the files,
// for tools and for tests that make sure the checker still sees them.
func Pairs(root string) ([]Pair, error) {
	_, pairs, err := checkTree(root)
	return pairs, err
}

// checkTree parses the tree under root and checks it.
func checkTree(root string) ([]Problem, []Pair, error) {
	files, err := parseTree(root)
	if err != nil {
		return nil, nil, err
	}
	probs, pairs := checkFiles(files)
	return probs, pairs, nil
}

// CheckSources checks a set of in-memory files (name → source), as if
// they were the module; names that share a directory share a package.
func CheckSources(srcs map[string]string) ([]Problem, error) {
	fset := token.NewFileSet()
	var files []*srcFile
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f, err := parser.ParseFile(fset, n, srcs[n], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, &srcFile{name: n, dir: filepath.ToSlash(filepath.Dir(n)), fset: fset, f: f})
	}
	probs, _ := checkFiles(files)
	return probs, nil
}

type srcFile struct {
	name string // relative, slash-separated
	dir  string
	fset *token.FileSet
	f    *ast.File
}

func parseTree(root string) ([]*srcFile, error) {
	fset := token.NewFileSet()
	var files []*srcFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		files = append(files, &srcFile{name: rel, dir: filepath.ToSlash(filepath.Dir(rel)), fset: fset, f: f})
		return nil
	})
	return files, err
}

// helper is a pair helper: its zh parameter's index (en is the next one)
// and whether it formats its arguments.
type helper struct {
	zh     int
	format bool
}

func checkFiles(files []*srcFile) ([]Problem, []Pair) {
	helpers := findHelpers(files)
	var c checker
	c.helpers = helpers
	c.keys = map[string]map[string]Pair{}
	for _, sf := range files {
		c.collect(sf)
	}
	for _, p := range c.pairs {
		c.judge(p)
	}
	c.checkKeyUses()
	sort.Slice(c.probs, func(i, j int) bool {
		a, b := c.probs[i], c.probs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Reason < b.Reason
	})
	return c.probs, c.pairs
}

// findHelpers lists the functions and methods declared with adjacent
// string parameters named zh and en, by name.
func findHelpers(files []*srcFile) map[string]helper {
	out := map[string]helper{}
	for _, sf := range files {
		for _, d := range sf.f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			var names []string
			var types []string
			for _, fl := range fd.Type.Params.List {
				ts := exprString(fl.Type)
				if len(fl.Names) == 0 {
					names, types = append(names, "_"), append(types, ts)
				}
				for _, n := range fl.Names {
					names, types = append(names, n.Name), append(types, ts)
				}
			}
			for i := 0; i+1 < len(names); i++ {
				if names[i] == "zh" && names[i+1] == "en" && types[i] == "string" && types[i+1] == "string" {
					variadic := len(types) > 0 && strings.HasPrefix(types[len(types)-1], "...")
					out[fd.Name.Name] = helper{zh: i, format: variadic}
				}
			}
		}
	}
	return out
}

type checker struct {
	helpers map[string]helper
	pairs   []Pair
	keys    map[string]map[string]Pair // dir → key → entry
	uses    []keyUse
	probs   []Problem
}

type keyUse struct {
	file string
	line int
	key  string
}

func (c *checker) problem(file string, line int, format string, args ...any) {
	c.probs = append(c.probs, Problem{File: file, Line: line, Reason: fmt.Sprintf(format, args...)})
}

func (c *checker) collect(sf *srcFile) {
	line := func(n ast.Node) int { return sf.fset.Position(n.Pos()).Line }
	ast.Inspect(sf.f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.call(sf, n, line(n))
		case *ast.CompositeLit:
			switch {
			case isTextType(n.Type):
				c.textLit(sf, n, line(n), "Text{}")
			case isLabelTable(n.Type):
				c.table(sf, n, line)
				return false
			default:
				if elem := elemType(n.Type); elem != nil && isTextType(elem) {
					for _, e := range n.Elts {
						v := e
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							v = kv.Value
						}
						if cl, ok := v.(*ast.CompositeLit); ok && cl.Type == nil {
							c.textLit(sf, cl, line(cl), "Text{}")
						}
					}
				}
			}
		}
		return true
	})
}

var keyRE = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)+$`)

func (c *checker) call(sf *srcFile, n *ast.CallExpr, line int) {
	name := ""
	switch fn := n.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name = fn.Sel.Name
	default:
		return
	}
	// A key lookup: X.T("key"), X.Tf("key", …), tr(lang, "key").
	switch {
	case (name == "T" && len(n.Args) == 1) || (name == "Tf" && len(n.Args) >= 1):
		if s, ok := stringLit(n.Args[0]); ok && keyRE.MatchString(s) {
			c.uses = append(c.uses, keyUse{sf.name, line, s})
			return
		}
	case name == "tr" && len(n.Args) == 2:
		if s, ok := stringLit(n.Args[1]); ok {
			c.uses = append(c.uses, keyUse{sf.name, line, s})
			return
		}
	}
	h, ok := c.helpers[name]
	if !ok || len(n.Args) < h.zh+2 {
		return
	}
	zh, zok := literalText(n.Args[h.zh])
	en, eok := literalText(n.Args[h.zh+1])
	if !zok && !eok {
		return
	}
	c.pairs = append(c.pairs, Pair{File: sf.name, Line: line, ZH: zh, EN: en, ZHKnown: zok, ENKnown: eok,
		HasZH: true, HasEN: true, Function: name})
}

func (c *checker) textLit(sf *srcFile, n *ast.CompositeLit, line int, what string) {
	p := Pair{File: sf.name, Line: line, Function: what}
	for i, e := range n.Elts {
		field, v := "", e
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				field = id.Name
			}
			v = kv.Value
		} else if i == 0 {
			field = "ZH"
		} else if i == 1 {
			field = "EN"
		}
		s, ok := literalText(v)
		switch field {
		case "ZH":
			p.HasZH, p.ZH, p.ZHKnown = true, s, ok
		case "EN":
			p.HasEN, p.EN, p.ENKnown = true, s, ok
		}
	}
	if len(n.Elts) == 0 {
		return // the zero Text: "no message"
	}
	c.pairs = append(c.pairs, p)
}

func (c *checker) table(sf *srcFile, n *ast.CompositeLit, line func(ast.Node) int) {
	keys := c.keys[sf.dir]
	if keys == nil {
		keys = map[string]Pair{}
		c.keys[sf.dir] = keys
	}
	for _, e := range n.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := stringLit(kv.Key)
		if !ok {
			continue
		}
		p := Pair{File: sf.name, Line: line(kv), Key: key, Function: "table"}
		if cl, ok := kv.Value.(*ast.CompositeLit); ok {
			if len(cl.Elts) > 0 {
				p.ZH, p.ZHKnown = literalText(cl.Elts[0])
				p.HasZH = true
			}
			if len(cl.Elts) > 1 {
				p.EN, p.ENKnown = literalText(cl.Elts[1])
				p.HasEN = true
			}
		}
		if prev, dup := keys[key]; dup {
			c.problem(sf.name, p.Line, "label %q defined twice (first at %s:%d)", key, prev.File, prev.Line)
		} else {
			keys[key] = p
		}
		c.pairs = append(c.pairs, p)
	}
}

func (c *checker) checkKeyUses() {
	all := map[string]bool{}
	for _, keys := range c.keys {
		for k := range keys {
			all[k] = true
		}
	}
	for _, u := range c.uses {
		if !all[u.key] {
			c.problem(u.file, u.line, "label %q is not defined in any label table", u.key)
		}
	}
}

// judge checks one pair.
func (c *checker) judge(p Pair) {
	what := p.Function
	if p.Key != "" {
		what = fmt.Sprintf("label %q", p.Key)
	}
	if !p.HasEN || (p.ENKnown && strings.TrimSpace(p.EN) == "") {
		c.problem(p.File, p.Line, "%s: English is missing", what)
	}
	if !p.HasZH || (p.ZHKnown && strings.TrimSpace(p.ZH) == "") {
		c.problem(p.File, p.Line, "%s: Chinese is missing", what)
	}
	if p.ENKnown {
		if r, ok := firstCJK(p.EN); ok {
			c.problem(p.File, p.Line, "%s: English %q contains Chinese %q", what, p.EN, string(r))
		}
	}
	// The Chinese side speaks Chinese: a Han character, or at least
	// Chinese punctuation ("%s：%v", "、" as a list separator); else it is
	// the same as the English (a symbol, a code, a bare "%s").
	if _, cjk := firstCJK(p.ZH); p.ZHKnown && p.ENKnown && strings.TrimSpace(p.ZH) != "" && !cjk && p.ZH != p.EN {
		c.problem(p.File, p.Line, "%s: Chinese %q has no Chinese in it and differs from the English %q", what, p.ZH, p.EN)
	}
	if p.ZHKnown && p.ENKnown && p.HasEN && p.HasZH && p.EN != "" && p.ZH != "" {
		if zv, ev := verbs(p.ZH), verbs(p.EN); zv != ev {
			c.problem(p.File, p.Line, "%s: printf verbs differ: Chinese %s, English %s", what, zv, ev)
		}
	}
}

// firstCJK returns the first Han character or full-width or CJK
// punctuation mark in s.
func firstCJK(s string) (rune, bool) {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) {
			return r, true
		}
	}
	return 0, false
}

// verbs describes the printf arguments of format: for each argument
// index, the verbs applied to it, e.g. "[1:s 2:d]". Two formats that take
// the same arguments the same way describe alike, whether or not they
// use explicit indexes.
func verbs(format string) string {
	used := map[int][]string{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		// flags
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		readIndex := func() {
			if i < len(format) && format[i] == '[' {
				if j := strings.IndexByte(format[i:], ']'); j > 0 {
					if n, err := strconv.Atoi(format[i+1 : i+j]); err == nil {
						arg = n
					}
					i += j + 1
				}
			}
		}
		readNum := func() {
			readIndex()
			if i < len(format) && format[i] == '*' {
				used[arg] = append(used[arg], "*")
				arg++
				i++
				return
			}
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
		}
		readNum()
		if i < len(format) && format[i] == '.' {
			i++
			readNum()
		}
		readIndex()
		if i >= len(format) {
			used[arg] = append(used[arg], "!(NOVERB)")
			break
		}
		used[arg] = append(used[arg], string(format[i]))
		arg++
	}
	idx := make([]int, 0, len(used))
	for k := range used {
		idx = append(idx, k)
	}
	sort.Ints(idx)
	var b strings.Builder
	b.WriteByte('[')
	for n, k := range idx {
		if n > 0 {
			b.WriteByte(' ')
		}
		vs := append([]string(nil), used[k]...)
		sort.Strings(vs)
		fmt.Fprintf(&b, "%d:%s", k, strings.Join(vs, ","))
	}
	b.WriteByte(']')
	return b.String()
}

// literalText returns the text of a string literal, of a concatenation
// of literals and other expressions (the literal parts only), or of
// fmt.Sprintf with a literal format. ok is false when there is no
// literal to judge.
func literalText(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		return stringLit(e)
	case *ast.ParenExpr:
		return literalText(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		l, lok := literalText(e.X)
		r, rok := literalText(e.Y)
		return l + r, lok || rok
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(e.Args) > 0 {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "fmt" {
				return stringLit(e.Args[0])
			}
		}
	}
	return "", false
}

func stringLit(e ast.Expr) (string, bool) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(bl.Value)
	return s, err == nil
}

func isTextType(e ast.Expr) bool {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name == "Text"
	case *ast.SelectorExpr:
		id, ok := t.X.(*ast.Ident)
		return ok && id.Name == "casefile" && t.Sel.Name == "Text"
	}
	return false
}

func elemType(e ast.Expr) ast.Expr {
	switch t := e.(type) {
	case *ast.MapType:
		return t.Value
	case *ast.ArrayType:
		return t.Elt
	}
	return nil
}

func isLabelTable(e ast.Expr) bool {
	mt, ok := e.(*ast.MapType)
	if !ok || exprString(mt.Key) != "string" {
		return false
	}
	return exprString(mt.Value) == "[2]string"
}

func exprString(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.SelectorExpr:
		return exprString(t.X) + "." + t.Sel.Name
	case *ast.StarExpr:
		return "*" + exprString(t.X)
	case *ast.Ellipsis:
		return "..." + exprString(t.Elt)
	case *ast.ArrayType:
		n := ""
		if t.Len != nil {
			if bl, ok := t.Len.(*ast.BasicLit); ok {
				n = bl.Value
			} else {
				n = "?"
			}
		}
		return "[" + n + "]" + exprString(t.Elt)
	case *ast.MapType:
		return "map[" + exprString(t.Key) + "]" + exprString(t.Value)
	}
	return fmt.Sprintf("%T", e)
}
