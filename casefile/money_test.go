package casefile

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	good := map[string]Money{"1750": 175000, "1750.5": 175050, "1,750.50": 175050, "¥0.05": 5, "12元": 1200, ".5": 50, "100000000": MaxMoney}
	for in, want := range good {
		if got, err := ParseMoney(in); err != nil || got != want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "1.234", "abc", "1e5", "100000000.01", "99999999999999", "1.", "NaN"} {
		if _, err := ParseMoney(in); !errors.Is(err, ErrBadAmount) {
			t.Errorf("ParseMoney(%q) err = %v, want ErrBadAmount", in, err)
		}
	}
}

func TestMoneyFormatsAndRounds(t *testing.T) {
	if s := Money(123456789).Grouped(); s != "1,234,567.89" {
		t.Errorf("Grouped = %s", s)
	}
	if s := Money(-5).String(); s != "-0.05" {
		t.Errorf("String = %s", s)
	}
	// 70% of 333.33 yuan = 233.331 → 233.33; of 0.05 = 0.035 → 0.04 (half up)
	if got := Share(33333, 70); got != 23333 {
		t.Errorf("Share = %d", got)
	}
	if got := Share(5, 70); got != 4 {
		t.Errorf("Share half-up = %d", got)
	}
	// 100.00 / 3 = 33.333 → 33.33; 0.05/2 = 0.025 → 0.03
	if got := DivRound(10000, 3); got != 3333 {
		t.Errorf("DivRound = %d", got)
	}
	if got := DivRound(5, 2); got != 3 {
		t.Errorf("DivRound half-up = %d", got)
	}
	var v struct{ A, B Money }
	if err := json.Unmarshal([]byte(`{"A":"12.30","B":7.5}`), &v); err != nil || v.A != 1230 || v.B != 750 {
		t.Errorf("JSON = %+v %v", v, err)
	}
	out, _ := json.Marshal(v)
	if string(out) != `{"A":"12.30","B":"7.50"}` {
		t.Errorf("marshal = %s", out)
	}
}

func TestCalendarWorkdays(t *testing.T) {
	cal := Calendar{Holidays: map[Date]bool{{2026, 10, 1}: true, {2026, 10, 2}: true}, Workdays: map[Date]bool{{2026, 10, 10}: true}}
	// Wed 2026-09-30 + 3 working days: Thu/Fri are holidays, Mon 5, Tue 6, Wed 7.
	if got := cal.AddWorkdays(Date{2026, 9, 30}, 3); got != (Date{2026, 10, 7}) {
		t.Errorf("AddWorkdays = %s", got)
	}
	// Saturday 10 Oct is a make-up working day.
	if !cal.IsWorkday(Date{2026, 10, 10}) || cal.IsWorkday(Date{2026, 10, 11}) {
		t.Error("make-up day not honoured")
	}
	if n := cal.WorkdaysBetween(Date{2026, 10, 7}, Date{2026, 9, 30}); n != -3 {
		t.Errorf("WorkdaysBetween backwards = %d", n)
	}
}

// FuzzParseMoney: amounts as typed at the desk. Anything accepted is
// within bounds and prints back to an amount that parses to itself.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1750", "1,750.50", "¥0.05", "-1", "1e9", "100000000.01", "０.５", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if !errors.Is(err, ErrBadAmount) || Message(err, ZH) == "" {
				t.Fatalf("unclear rejection of %q: %v", s, err)
			}
			return
		}
		if m < 0 || m > MaxMoney {
			t.Fatalf("%q accepted as %d", s, m)
		}
		if again, err := ParseMoney(m.String()); err != nil || again != m {
			t.Fatalf("%q → %s → %d, %v", s, m, again, err)
		}
	})
}

// FuzzParseDate: dates as typed. Anything accepted prints back to itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-29", "2026/1/2", "20261129", "2026-02-30", "0000-01-01", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if again, err := ParseDate(d.String()); err != nil || again != d {
			t.Fatalf("%q → %s → %v, %v", s, d, again, err)
		}
	})
}

func TestMoneyPaper(t *testing.T) {
	for m, want := range map[Money]string{
		175000: "1,750.00元", 39000: "390.00元", 100000000: "1,000,000.00元", 5: "0.05元", 0: "0.00元",
		123456789: "1,234,567.89元", -62000: "-620.00元",
	} {
		if got := m.Paper(); got != want {
			t.Errorf("%d.Paper() = %q, want %q", m, got, want)
		}
	}
}
