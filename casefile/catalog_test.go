package casefile

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// miniCatalog is a small valid catalogue; tests break one thing at a time.
const miniCatalog = `
[county]
name = "测试县"
[[standards]]
key = "urban_dibao"
amount = "800"
[[income_kinds]]
key = "wages"
name = "工资"
counted = true
[[income_kinds]]
key = "dibao"
name = "低保金"
counted = false
[[departments]]
key = "civil"
name = "民政局"
[[departments]]
key = "edu"
name = "教育局"
[[groups]]
key = "fresh"
name = "新生"
[[projects]]
code = "A1"
name = "低保"
department = "civil"
kind = "monthly"
threshold = "standard.urban_dibao"
eligibility = "per_capita_income < standard.urban_dibao"
amount = "max(0, standard.urban_dibao - per_capita_income) * covered"
[[projects]]
code = "B1"
name = "新生资助"
department = "edu"
kind = "one_off"
group = "fresh"
amount = "yuan(3000)"
`

func TestCatalogLoadErrors(t *testing.T) {
	if _, err := ParseCatalog([]byte(miniCatalog), "mini.toml"); err != nil {
		t.Fatalf("mini catalogue refused: %v", err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown department", `department = "edu"`, `department = "health"`, `mini.toml: project B1: unknown department "health"`},
		{"duplicate code", `code = "B1"`, `code = "A1"`, `mini.toml: project A1: duplicate code`},
		{"bad expression", `amount = "yuan(3000)"`, `amount = "yuan(3000"`, `mini.toml: project B1: amount:`},
		{"wrong type", `eligibility = "per_capita_income < standard.urban_dibao"`, `eligibility = "per_capita_income"`, `mini.toml: project A1: eligibility:`},
		{"unknown variable", `amount = "yuan(3000)"`, `amount = "yuan(salary)"`, `project B1: amount:`},
		{"unknown group", `group = "fresh"`, `group = "freshmen"`, `mini.toml: project B1: unknown group "freshmen"`},
		{"unknown standard", `threshold = "standard.urban_dibao"`, `threshold = "standard.urban_dibo"`, `mini.toml: project A1: unknown standard "urban_dibo"`},
		{"unknown flag", `amount = "yuan(3000)"`, `amount = "flag.studnet ? yuan(3000) : 0"`, `project B1: unknown flag "studnet"`},
		{"unknown held project", `amount = "yuan(3000)"`, `amount = "\"Z9\" in holding ? 0 : yuan(3000)"`, `project B1: unknown project "Z9" in holding`},
		{"unknown kind", `kind = "one_off"`, `kind = "gift"`, `project B1: unknown kind "gift"`},
		{"loan in group", `kind = "one_off"`, `kind = "loan"`, `project B1: a loan is never in a group`},
		{"bad amount", `amount = "800"`, `amount = "eight hundred"`, `standard urban_dibao: amount`},
		{"unknown key", `[county]`, "[county]\nnmae = \"x\"", `county.nmae: unknown key`},
		{"toml syntax", `[county]`, `[county`, `mini.toml`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(miniCatalog, tt.old) {
				t.Fatalf("test breaks nothing: %q not in catalogue", tt.old)
			}
			src := strings.Replace(miniCatalog, tt.old, tt.new, 1)
			_, err := ParseCatalog([]byte(src), "mini.toml")
			if !errors.Is(err, ErrCatalog) {
				t.Fatalf("err = %v, want ErrCatalog", err)
			}
			if msg := Message(err, EN); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q lacks %q", msg, tt.want)
			}
		})
	}
}

func TestCatalogFromFileAndEnv(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "county.toml")
	if err := os.WriteFile(path, []byte(miniCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HALL_CATALOG", path)
	cat, err := LoadCatalogFrom("")
	if err != nil || cat.County.Name != "测试县" || len(cat.Projects) != 2 {
		t.Fatalf("HALL_CATALOG not used: %v", err)
	}
	if cat, err = LoadCatalogFrom(filepath.Join(dir, "missing.toml")); err == nil || !strings.Contains(Message(err, ZH), "无法读取") {
		t.Errorf("missing file: %v", err)
	}
	t.Setenv("HALL_CATALOG", "")
	if cat, err = LoadCatalogFrom(""); err != nil || cat.Source != DefaultCatalogName {
		t.Errorf("default not used: %v", err)
	}
}

// FuzzParseCatalog feeds arbitrary catalogue files: each is either
// accepted (and then every rule runs on a sample household without
// panicking) or refused with a message naming the file.
func FuzzParseCatalog(f *testing.F) {
	f.Add(miniCatalog)
	f.Add(strings.Replace(miniCatalog, `amount = "yuan(3000)"`, `amount = "share(requested, 70) / 0"`, 1))
	f.Add(strings.Replace(miniCatalog, `amount = "yuan(3000)"`, `amount = "1e300 * 1e300"`, 1))
	f.Add("[[projects]]\ncode = 1\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		cat, err := ParseCatalog([]byte(src), "fuzz.toml")
		if err != nil {
			if !errors.Is(err, ErrCatalog) || !strings.Contains(Message(err, EN), "fuzz.toml") {
				t.Fatalf("refusal does not name the file: %v", err)
			}
			return
		}
		env := sampleEnv(cat)
		for _, p := range cat.Projects {
			p.Eligibility.Bool(env)
			if p.Amount != nil {
				p.Amount.Money(env)
			}
		}
	})
}

// FuzzRule compiles and runs arbitrary amount rules: no panic, no hang,
// and a rule the loader accepts gives an amount within bounds.
func FuzzRule(f *testing.F) {
	for _, s := range []string{"yuan(3000)", "max(0, (standard.urban_dibao - per_capita_income) * covered)",
		`"MZ-01" in holding ? share(medical_oop, 70) : 0`, "requested / (members - 3)", "1/0", "abs(-9223372036854775807 - 1)"} {
		f.Add(s)
	}
	cat := defaultCatalog(f)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 500 {
			return
		}
		r, err := compileRule(src, reflect.Int)
		if err != nil {
			return
		}
		m, err := r.Money(sampleEnv(cat))
		if err == nil && (m > MaxMoney || m < -MaxMoney) {
			t.Fatalf("rule %q gave %d, beyond any amount", src, m)
		}
	})
}
