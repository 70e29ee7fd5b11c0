package decimal

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAgainstRat checks every operation against math/big.Rat on random
// decimals of up to 40 digits, many of them near the int64 boundary where
// a Decimal moves between its two forms.
func TestAgainstRat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	edges := []string{"9223372036854775807", "9223372036854775808", "922337203685477580", "999999999999999999", "1000000000000000000", "5", "0"}
	random := func() string {
		var s string
		if rng.IntN(3) == 0 {
			s = edges[rng.IntN(len(edges))]
		} else {
			n := 1 + rng.IntN(40)
			digits := make([]byte, n)
			for i := range digits {
				digits[i] = byte('0' + rng.IntN(10))
			}
			s = string(digits)
		}
		if p := rng.IntN(len(s) + 1); p < len(s) && rng.IntN(2) == 0 {
			s = s[:p] + "." + s[p:]
		}
		if rng.IntN(2) == 0 {
			s = "-" + s
		}
		return s
	}
	rat := func(s string) *big.Rat {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("Rat %q", s)
		}
		return r
	}
	check := func(op string, got Decimal, want *big.Rat) {
		t.Helper()
		if g := rat(got.String()); g.Cmp(want) != 0 {
			t.Fatalf("%s = %s, want %s", op, got, want.FloatString(45))
		}
		if !normal(got) {
			t.Fatalf("%s: %#v is not in normal form", op, got)
		}
	}
	for range 20000 {
		as, bs := random(), random()
		a, b := MustParse(as), MustParse(bs)
		ra, rb := rat(as), rat(bs)
		check(as+" + "+bs, a.Add(b), new(big.Rat).Add(ra, rb))
		check(as+" - "+bs, a.Sub(b), new(big.Rat).Sub(ra, rb))
		check(as+" × "+bs, a.Mul(b), new(big.Rat).Mul(ra, rb))
		check("-"+as, a.Neg(), new(big.Rat).Neg(ra))
		check("|"+as+"|", a.Abs(), new(big.Rat).Abs(ra))
		if got, want := a.Cmp(b), ra.Cmp(rb); got != want {
			t.Fatalf("Cmp(%s, %s) = %d, want %d", as, bs, got, want)
		}
		n := rng.IntN(30) - 15
		shift := new(big.Rat).SetFrac(big.NewInt(1), big.NewInt(1))
		ten := new(big.Rat).SetInt64(10)
		for range max(n, -n) {
			if n > 0 {
				shift.Mul(shift, ten)
			} else {
				shift.Quo(shift, ten)
			}
		}
		check(as+" shifted", a.Shift(n), new(big.Rat).Mul(ra, shift))
		places := rng.IntN(24) - 12
		check(as+" rounded", a.Round(places), roundRat(ra, places, false))
		check(as+" rounded half even", a.RoundHalfEven(places), roundRat(ra, places, true))
	}
}

// normal reports whether d is in the form the type's comment describes.
func normal(d Decimal) bool {
	if d.big == nil {
		return d.small%10 != 0 || d.small == 0 && d.exp == 0
	}
	return !d.big.IsInt64() && new(big.Int).Rem(d.big, big.NewInt(10)).Sign() != 0
}

// roundRat rounds r to places digits after the point, halves away from
// zero or to even.
func roundRat(r *big.Rat, places int, halfEven bool) *big.Rat {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(places))), nil))
	x := new(big.Rat).Abs(r)
	if places >= 0 {
		x.Mul(x, scale)
	} else {
		x.Quo(x, scale)
	}
	q, rem := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	twice := new(big.Int).Lsh(rem, 1)
	switch c := twice.Cmp(x.Denom()); {
	case c > 0, c == 0 && (!halfEven || q.Bit(0) == 1):
		q.Add(q, big.NewInt(1))
	}
	out := new(big.Rat).SetInt(q)
	if places >= 0 {
		out.Quo(out, scale)
	} else {
		out.Mul(out, scale)
	}
	if r.Sign() < 0 {
		out.Neg(out)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func TestSmallFormAllocatesNothing(t *testing.T) {
	a, b := MustParse("-16088"), MustParse("128064.5")
	allocs := testing.AllocsPerRun(100, func() {
		s := a.Shift(3).Add(b).Mul(MustParse("0.14")).Round(-3)
		if s.Cmp(a) == 0 || strings.HasPrefix("x", "y") {
			t.Fatal("impossible")
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations, want 0", allocs)
	}
}

// FuzzDecimal parses arbitrary text: what Parse accepts renders back to
// the same number, and sums, products, comparisons and roundings of two
// such numbers agree with math/big.Rat.
func FuzzDecimal(f *testing.F) {
	for _, s := range [][2]string{{"-16088", "0.14"}, {"9223372036854775807", "1"}, {"-9223372036854775808", "-1"}, {"12.50", "1000"}, {".5", "-0."}} {
		f.Add(s[0], s[1], 2)
	}
	f.Fuzz(func(t *testing.T, as, bs string, places int) {
		a, errA := Parse(as)
		b, errB := Parse(bs)
		if errA != nil || errB != nil {
			return
		}
		places %= 40
		ra, _ := new(big.Rat).SetString(a.String())
		rb, _ := new(big.Rat).SetString(b.String())
		if want, ok := new(big.Rat).SetString(strings.TrimPrefix(as, "+")); !ok || ra.Cmp(want) != 0 {
			t.Fatalf("Parse(%q).String() = %s", as, a)
		}
		for _, c := range []struct {
			op   string
			got  Decimal
			want *big.Rat
		}{
			{"+", a.Add(b), new(big.Rat).Add(ra, rb)},
			{"-", a.Sub(b), new(big.Rat).Sub(ra, rb)},
			{"×", a.Mul(b), new(big.Rat).Mul(ra, rb)},
			{"round", a.Round(places), roundRat(ra, places, false)},
			{"round half even", a.RoundHalfEven(places), roundRat(ra, places, true)},
		} {
			if g, _ := new(big.Rat).SetString(c.got.String()); g.Cmp(c.want) != 0 || !normal(c.got) {
				t.Fatalf("%s %s %s = %s (%#v), want %s", as, c.op, bs, c.got, c.got, c.want.FloatString(40))
			}
		}
		if got, want := a.Cmp(b), ra.Cmp(rb); got != want {
			t.Fatalf("Cmp(%s, %s) = %d, want %d", as, bs, got, want)
		}
	})
}
