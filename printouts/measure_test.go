package printouts

import (
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// TestFastMeasureAgreesWithGopdf measures every BMP character a face has,
// and mixed lines at every size and spacing the layout uses, with the
// shared advances and with gopdf's MeasureTextWidth: the widths must be
// the very same float64, or lines would break elsewhere than before.
func TestFastMeasureAgreesWithGopdf(t *testing.T) {
	paths := []string{wqyPath, gbsnPath}
	for _, path := range paths {
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s not installed", path)
			continue
		}
		f, err := LoadFont(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := NewDoc(f)
		if err != nil {
			t.Fatal(err)
		}
		gopdfWidth := func(s string) float64 {
			w, err := d.pdf.MeasureTextWidth(s)
			if err != nil {
				t.Fatal(err)
			}
			return w
		}
		var all strings.Builder
		for r := rune(0x20); r < bmpRunes; r++ {
			if f.has(r) {
				all.WriteRune(r)
			}
		}
		chars := all.String()
		lines := []string{
			"经审查，申请人王某某家庭人均月收入为1,750.00元，低于本县城市最低生活保障标准。",
			"身份证号610602********1234 示融救决〔2026〕123号 — 1 —",
			"ABC abc 0123456789 ，。：（）“”《》",
			"",
		}
		for _, size := range []float64{bodySize, titleSize, tableSize, qrCaptionSize, 30} {
			for _, spacing := range []float64{0, bodySpacing, bodySpacing + 0.37, bodySpacing + maxStretch} {
				d.setFont(size, spacing)
				for _, r := range chars {
					s := string(r)
					got, ok := d.fastMeasure(s)
					if want := gopdfWidth(s); !ok || got != want {
						t.Fatalf("%s at %g pt, spacing %g: %q measures %v (ok %v), gopdf %v", path, size, spacing, s, got, ok, want)
					}
				}
				for _, s := range lines {
					if got, want := d.measure(s), gopdfWidth(s); got != want {
						t.Errorf("%s at %g pt, spacing %g: %q measures %v, gopdf %v", path, size, spacing, s, got, want)
					}
				}
			}
		}
	}
}

// TestFastMeasureFallsBack measures text with a character outside the
// BMP and one no face has through gopdf, as before.
func TestFastMeasureFallsBack(t *testing.T) {
	d, err := NewDoc(testFont(t))
	if err != nil {
		t.Fatal(err)
	}
	d.setFont(bodySize, bodySpacing)
	for _, s := range []string{"吉𠮷", "A\u0378B", "a\tb"} {
		if _, ok := d.fastMeasure(s); ok {
			t.Errorf("%q measured without gopdf", s)
		}
	}
}

// TestFastMeasureConcurrent fills a fresh face's advances from several
// goroutines at once (run with -race): each gets gopdf's widths.
func TestFastMeasureConcurrent(t *testing.T) {
	f := testFont(t)
	fresh, err := parseFont(f.path, f.index, mustReadFace(t, f), "")
	if err != nil {
		t.Fatal(err)
	}
	text := "经审查，申请人家庭人均月收入低于本县城市最低生活保障标准，决定自2026年12月起给予救助。"
	ref, err := NewDoc(f)
	if err != nil {
		t.Fatal(err)
	}
	ref.setFont(bodySize, bodySpacing)
	want, _ := ref.pdf.MeasureTextWidth(text)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			d, err := NewDoc(fresh)
			if err != nil {
				t.Error(err)
				return
			}
			d.setFont(bodySize, bodySpacing)
			if got := d.measure(text); got != want {
				t.Errorf("measured %v, want %v", got, want)
			}
		})
	}
	wg.Wait()
}

// mustReadFace reads the file f was loaded from.
func mustReadFace(t testing.TB, f *Font) []byte {
	t.Helper()
	data, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestLineMeasureAgreesWithMeasure measures every prefix, in order, of
// lines with characters of a fallback face, characters no face has and
// characters outside the BMP with the line breaker's incremental measure
// and with Doc.measure: the widths must be the same float64.
func TestLineMeasureAgreesWithMeasure(t *testing.T) {
	wqy := testFont(t)
	fonts := SingleFont(wqy, "")
	if gbsn, err := LoadFont(gbsnPath); err == nil {
		// GB2312 only: 堃 and 喆 come from the fallback.
		fonts = &FontSet{faces: [numRoles]*Font{gbsn, gbsn, gbsn}, fallbacks: []*Font{wqy}, loadedFB: true}
	} else {
		t.Logf("%s not installed: one face only", gbsnPath)
	}
	d, err := NewDocFonts(fonts)
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{
		"经审查，申请人王堃家庭人均月收入为1,750.00元，低于本县城市最低生活保障标准。",
		"张喆喆 ABC 12 𠮷吉 a\u0378b 示融救决〔2026〕123号",
		"\u2060glued\u2060words\u2060",
	}
	for _, spacing := range []float64{0, bodySpacing} {
		d.setFont(bodySize, spacing)
		for _, s := range lines {
			m := d.lineMeasurer()
			for i := range len(s) + 1 {
				if !utf8.ValidString(s[:i]) {
					continue
				}
				if got, want := m(s[:i]), d.measure(s[:i]); got != want {
					t.Errorf("spacing %g: %q measures %v incrementally, %v whole", spacing, s[:i], got, want)
				}
			}
			// A line that does not extend the last one starts again.
			if got, want := m(s[len(s)/2:]), d.measure(s[len(s)/2:]); got != want {
				t.Errorf("%q measures %v after a longer line, %v whole", s[len(s)/2:], got, want)
			}
		}
	}
}
