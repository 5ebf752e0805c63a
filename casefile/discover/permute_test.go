package discover

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// permute puts each finding where the sorted indexes say, in place, for
// permutations of every shape: the identity, one long cycle, many short
// ones, random ones.
func TestPermute(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	shapes := map[string]func(n int) []int32{
		"identity": func(n int) []int32 {
			p := make([]int32, n)
			for i := range p {
				p[i] = int32(i)
			}
			return p
		},
		"one cycle": func(n int) []int32 {
			p := make([]int32, n)
			for i := range p {
				p[i] = int32((i + 1) % n)
			}
			return p
		},
		"swaps": func(n int) []int32 {
			p := make([]int32, n)
			for i := range p {
				p[i] = int32(i ^ 1)
				if int(p[i]) >= n {
					p[i] = int32(i)
				}
			}
			return p
		},
		"random": func(n int) []int32 {
			p := make([]int32, n)
			for i, v := range r.Perm(n) {
				p[i] = int32(v)
			}
			return p
		},
	}
	for name, shape := range shapes {
		for _, n := range []int{0, 1, 2, 7, 1000} {
			idx := shape(n)
			out := make([]Finding, n)
			for i := range out {
				out[i].Case = strconv.Itoa(i)
			}
			want := make([]string, n)
			for i, j := range idx {
				want[i] = strconv.Itoa(int(j))
			}
			permute(out, idx)
			for i := range out {
				if out[i].Case != want[i] {
					t.Fatalf("%s of %d: position %d holds %s, want %s", name, n, i, out[i].Case, want[i])
				}
			}
		}
	}
}
