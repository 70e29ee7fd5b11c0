// Package decimal holds exact decimal numbers for amounts. A Decimal is an
// integer coefficient times a power of ten, so "(16,088)" in thousands is
// exactly -16088000 and "0.14" is exactly 14×10⁻²; nothing passes through
// binary floating point.
//
//	d, _ := decimal.Parse("-16088")
//	d.Shift(3).String() // "-16088000"
package decimal

import (
	"errors"
	"math/big"
	"strings"
)

// Decimal is an exact decimal number. The zero value is 0. Decimals are
// immutable: every operation returns a new value.
type Decimal struct {
	coef *big.Int // nil means zero
	exp  int      // value = coef × 10^exp
}

// ErrSyntax reports text that is not a plain decimal number.
var ErrSyntax = errors.New("not a decimal number")

// maxDigits bounds the digits Parse accepts, so hostile input cannot make
// arithmetic expensive.
const maxDigits = 60

// Parse reads a plain decimal: an optional sign, digits, an optional point
// and fraction. No grouping, no exponent.
func Parse(s string) (Decimal, error) {
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	digits := intPart + frac
	if digits == "" || len(digits) > maxDigits || strings.Trim(digits, "0123456789") != "" {
		return Decimal{}, ErrSyntax
	}
	c, _ := new(big.Int).SetString(digits, 10)
	if neg {
		c.Neg(c)
	}
	return Decimal{coef: c, exp: -len(frac)}.norm(), nil
}

// MustParse is Parse for constants in tests and tables; it panics on error.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic("decimal: " + s + ": " + err.Error())
	}
	return d
}

// FromInt returns n as a Decimal.
func FromInt(n int64) Decimal { return Decimal{coef: big.NewInt(n)}.norm() }

// norm strips trailing zeros of the coefficient so equal values have equal
// representations.
func (d Decimal) norm() Decimal {
	if d.coef == nil || d.coef.Sign() == 0 {
		return Decimal{}
	}
	c := new(big.Int).Set(d.coef)
	ten := big.NewInt(10)
	m := new(big.Int)
	for {
		q, r := new(big.Int).QuoRem(c, ten, m)
		if r.Sign() != 0 {
			break
		}
		c = q
		d.exp++
	}
	return Decimal{coef: c, exp: d.exp}
}

func (d Decimal) c() *big.Int {
	if d.coef == nil {
		return new(big.Int)
	}
	return d.coef
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.c().Sign() }

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Neg returns -d.
func (d Decimal) Neg() Decimal { return Decimal{coef: new(big.Int).Neg(d.c()), exp: d.exp}.norm() }

// Abs returns |d|.
func (d Decimal) Abs() Decimal { return Decimal{coef: new(big.Int).Abs(d.c()), exp: d.exp}.norm() }

// Shift returns d × 10^n.
func (d Decimal) Shift(n int) Decimal { return Decimal{coef: d.c(), exp: d.exp + n}.norm() }

// align returns the coefficients of a and b at their common exponent.
func align(a, b Decimal) (ca, cb *big.Int, exp int) {
	exp = min(a.exp, b.exp)
	return scaleUp(a.c(), a.exp-exp), scaleUp(b.c(), b.exp-exp), exp
}

func scaleUp(c *big.Int, n int) *big.Int {
	if n == 0 {
		return new(big.Int).Set(c)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	return p.Mul(p, c)
}

// Add returns d + e.
func (d Decimal) Add(e Decimal) Decimal {
	a, b, exp := align(d, e)
	return Decimal{coef: a.Add(a, b), exp: exp}.norm()
}

// Sub returns d - e.
func (d Decimal) Sub(e Decimal) Decimal { return d.Add(e.Neg()) }

// Mul returns d × e.
func (d Decimal) Mul(e Decimal) Decimal {
	return Decimal{coef: new(big.Int).Mul(d.c(), e.c()), exp: d.exp + e.exp}.norm()
}

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	a, b, _ := align(d, e)
	return a.Cmp(b)
}

// Equal reports whether d and e are the same number.
func (d Decimal) Equal(e Decimal) bool { return d.Cmp(e) == 0 }

// Round rounds d to places digits after the point (negative places round
// to tens, hundreds, ...), halves away from zero, as XBRL 2.1 §4.6.7.2
// inferred-precision rounding and the calculation check expect.
func (d Decimal) Round(places int) Decimal {
	if -d.exp <= places {
		return d
	}
	n := -d.exp - places // digits to drop
	if n > digits(d.c()) {
		return Decimal{} // |d| < 10^(n-1): rounds to zero
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	q, r := new(big.Int).QuoRem(new(big.Int).Abs(d.c()), p, new(big.Int))
	if r.Lsh(r, 1).Cmp(p) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if d.Sign() < 0 {
		q.Neg(q)
	}
	return Decimal{coef: q, exp: -places}.norm()
}

// RoundHalfEven rounds d to places digits after the point, halves to the
// even neighbour, as XBRL 2.1 calculation checks round (and Arelle does).
func (d Decimal) RoundHalfEven(places int) Decimal {
	if -d.exp <= places {
		return d
	}
	n := -d.exp - places
	if n > digits(d.c()) {
		return Decimal{}
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	q, r := new(big.Int).QuoRem(new(big.Int).Abs(d.c()), p, new(big.Int))
	switch c := r.Lsh(r, 1).Cmp(p); {
	case c > 0, c == 0 && q.Bit(0) == 1:
		q.Add(q, big.NewInt(1))
	}
	if d.Sign() < 0 {
		q.Neg(q)
	}
	return Decimal{coef: q, exp: -places}.norm()
}

// digits counts the decimal digits of |c| (1 for zero).
func digits(c *big.Int) int {
	return len(new(big.Int).Abs(c).Text(10))
}

// Places returns the number of digits after the point in d's shortest
// form (negative when d is a multiple of 10, 100, ...).
func (d Decimal) Places() int { return -d.exp }

// String renders d in plain notation without exponent or grouping, the
// canonical lexical form of xs:decimal: "-16088000", "0.14", "0".
func (d Decimal) String() string {
	c := d.c()
	if c.Sign() == 0 {
		return "0"
	}
	s := new(big.Int).Abs(c).String()
	sign := ""
	if c.Sign() < 0 {
		sign = "-"
	}
	switch {
	case d.exp >= 0:
		return sign + s + strings.Repeat("0", d.exp)
	case -d.exp >= len(s):
		return sign + "0." + strings.Repeat("0", -d.exp-len(s)) + s
	}
	i := len(s) + d.exp
	return sign + s[:i] + "." + s[i:]
}

// MarshalText renders d as String does.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses text written by MarshalText.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
