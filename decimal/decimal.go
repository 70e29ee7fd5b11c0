// Package decimal holds exact decimal numbers for amounts. A Decimal is an
// integer coefficient times a power of ten, so "(16,088)" in thousands is
// exactly -16088000 and "0.14" is exactly 14×10⁻²; nothing passes through
// binary floating point.
//
//	d, _ := decimal.Parse("-16088")
//	d.Shift(3).String() // "-16088000"
//
// A coefficient that fits in an int64 (every amount a financial statement
// prints) is held in one, so arithmetic on it allocates nothing; larger
// ones, up to the 60 digits Parse accepts and whatever arithmetic makes of
// them, are held in a math/big.Int.
package decimal

import (
	"cmp"
	"errors"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number. The zero value is 0. Decimals are
// immutable: every operation returns a new value.
//
// Its value is coefficient × 10^exp, the coefficient being small when big
// is nil. The coefficient has no trailing zeros (zero is small 0, exp 0),
// and is small whenever it fits in an int64, so equal values have equal
// representations.
type Decimal struct {
	small int64
	big   *big.Int // the coefficient when it does not fit in an int64
	exp   int
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
	n := len(intPart) + len(frac)
	if n == 0 || n > maxDigits || !allDigits(intPart) || !allDigits(frac) {
		return Decimal{}, ErrSyntax
	}
	if n <= 18 { // < 10^18: fits
		var v int64
		for _, part := range [2]string{intPart, frac} {
			for i := 0; i < len(part); i++ {
				v = v*10 + int64(part[i]-'0')
			}
		}
		if neg {
			v = -v
		}
		return fromSmall(v, -len(frac)), nil
	}
	c, _ := new(big.Int).SetString(intPart+frac, 10)
	if neg {
		c.Neg(c)
	}
	return fromBig(c, -len(frac)), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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
func FromInt(n int64) Decimal { return fromSmall(n, 0) }

// fromSmall returns v × 10^exp in normal form.
func fromSmall(v int64, exp int) Decimal {
	if v == 0 {
		return Decimal{}
	}
	for v%10 == 0 {
		v /= 10
		exp++
	}
	return Decimal{small: v, exp: exp}
}

var bigTen = big.NewInt(10)

// fromBig returns c × 10^exp in normal form; it takes c over.
func fromBig(c *big.Int, exp int) Decimal {
	if c.Sign() == 0 {
		return Decimal{}
	}
	if c.IsInt64() {
		return fromSmall(c.Int64(), exp)
	}
	q, r := new(big.Int), new(big.Int)
	for {
		q.QuoRem(c, bigTen, r)
		if r.Sign() != 0 {
			break
		}
		c, q = q, c
		exp++
	}
	if c.IsInt64() {
		return fromSmall(c.Int64(), exp)
	}
	return Decimal{big: c, exp: exp}
}

// coef returns the coefficient as a big.Int the caller may modify.
func (d Decimal) coef() *big.Int {
	if d.big != nil {
		return new(big.Int).Set(d.big)
	}
	return big.NewInt(d.small)
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.big != nil:
		return d.big.Sign()
	case d.small < 0:
		return -1
	case d.small > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Neg returns -d.
func (d Decimal) Neg() Decimal {
	if d.big == nil && d.small != math.MinInt64 {
		return Decimal{small: -d.small, exp: d.exp}
	}
	c := d.coef()
	return fromBig(c.Neg(c), d.exp)
}

// Abs returns |d|.
func (d Decimal) Abs() Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

// Shift returns d × 10^n.
func (d Decimal) Shift(n int) Decimal {
	if d.IsZero() {
		return Decimal{}
	}
	d.exp += n
	return d
}

// pow10 holds the powers of ten an int64 holds: 10^0 to 10^18.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// scaleSmall returns v × 10^n, and whether it fits in an int64.
func scaleSmall(v int64, n int) (int64, bool) {
	if n == 0 || v == 0 {
		return v, true
	}
	if n >= len(pow10) {
		return 0, false
	}
	hi, lo := bits.Mul64(uabs(v), uint64(pow10[n]))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if v < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}

func uabs(v int64) uint64 {
	if v < 0 {
		return uint64(-v) // MinInt64 gives 1<<63, as wanted
	}
	return uint64(v)
}

// alignSmall returns the coefficients of two small decimals at their
// common exponent, and whether they fit in int64s.
func alignSmall(a, b Decimal) (ca, cb int64, exp int, ok bool) {
	exp = min(a.exp, b.exp)
	ca, ok1 := scaleSmall(a.small, a.exp-exp)
	cb, ok2 := scaleSmall(b.small, b.exp-exp)
	return ca, cb, exp, ok1 && ok2
}

// align returns the coefficients of a and b at their common exponent.
func align(a, b Decimal) (ca, cb *big.Int, exp int) {
	exp = min(a.exp, b.exp)
	return scaleUp(a.coef(), a.exp-exp), scaleUp(b.coef(), b.exp-exp), exp
}

func scaleUp(c *big.Int, n int) *big.Int {
	if n == 0 {
		return c
	}
	p := new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
	return c.Mul(c, p)
}

// Add returns d + e.
func (d Decimal) Add(e Decimal) Decimal {
	switch {
	case d.IsZero():
		return e
	case e.IsZero():
		return d
	}
	if d.big == nil && e.big == nil {
		if a, b, exp, ok := alignSmall(d, e); ok {
			if s, overflow := add64(a, b); !overflow {
				return fromSmall(s, exp)
			}
		}
	}
	a, b, exp := align(d, e)
	return fromBig(a.Add(a, b), exp)
}

// add64 returns a + b and whether it overflowed.
func add64(a, b int64) (int64, bool) {
	s := a + b
	return s, (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0)
}

// Sub returns d - e.
func (d Decimal) Sub(e Decimal) Decimal { return d.Add(e.Neg()) }

// Mul returns d × e.
func (d Decimal) Mul(e Decimal) Decimal {
	if d.IsZero() || e.IsZero() {
		return Decimal{}
	}
	if d.big == nil && e.big == nil {
		hi, lo := bits.Mul64(uabs(d.small), uabs(e.small))
		if hi == 0 && lo <= math.MaxInt64 {
			p := int64(lo)
			if (d.small < 0) != (e.small < 0) {
				p = -p
			}
			return fromSmall(p, d.exp+e.exp)
		}
	}
	c := d.coef()
	return fromBig(c.Mul(c, e.coef()), d.exp+e.exp)
}

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	if ds, es := d.Sign(), e.Sign(); ds != es || ds == 0 {
		return cmp.Compare(ds, es)
	}
	if d.big == nil && e.big == nil {
		if a, b, _, ok := alignSmall(d, e); ok {
			return cmp.Compare(a, b)
		}
	}
	a, b, _ := align(d, e)
	return a.Cmp(b)
}

// Equal reports whether d and e are the same number.
func (d Decimal) Equal(e Decimal) bool { return d.Cmp(e) == 0 }

// Round rounds d to places digits after the point (negative places round
// to tens, hundreds, ...), halves away from zero, as XBRL 2.1 §4.6.7.2
// inferred-precision rounding and the calculation check expect.
func (d Decimal) Round(places int) Decimal { return d.round(places, false) }

// RoundHalfEven rounds d to places digits after the point, halves to the
// even neighbour, as XBRL 2.1 calculation checks round (and Arelle does).
func (d Decimal) RoundHalfEven(places int) Decimal { return d.round(places, true) }

// round rounds d to places digits after the point, halves away from zero
// or, with halfEven, to the even neighbour.
func (d Decimal) round(places int, halfEven bool) Decimal {
	if -d.exp <= places {
		return d
	}
	n := -d.exp - places // digits to drop
	if n > d.digits() {
		return Decimal{} // |d| < 10^(n-1): rounds to zero
	}
	// up says whether a quotient that is odd or not, with a remainder
	// whose double compares as c to the divisor, rounds away from zero.
	up := func(odd bool, c int) bool { return c > 0 || c == 0 && (!halfEven || odd) }
	if d.big == nil && n < len(pow10) {
		p := uint64(pow10[n])
		a := uabs(d.small)
		q, r := a/p, a%p
		if up(q&1 == 1, cmp.Compare(2*r, p)) { // 2r < 2×10^18 fits
			q++
		}
		v := int64(q) // q ≤ |small|/10 + 1 fits
		if d.small < 0 {
			v = -v
		}
		return fromSmall(v, -places)
	}
	p := new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
	c := d.coef()
	q, r := new(big.Int).QuoRem(c.Abs(c), p, new(big.Int))
	if up(q.Bit(0) == 1, r.Lsh(r, 1).Cmp(p)) {
		q.Add(q, big.NewInt(1))
	}
	if d.Sign() < 0 {
		q.Neg(q)
	}
	return fromBig(q, -places)
}

// digits counts the decimal digits of the coefficient (1 for zero).
func (d Decimal) digits() int {
	if d.big == nil {
		u := uabs(d.small)
		n := 1
		for u >= 10 {
			u /= 10
			n++
		}
		return n
	}
	return len(new(big.Int).Abs(d.big).Text(10))
}

// Magnitude returns the power of ten of d's first significant digit,
// floor(log10(|d|)): 2 for 123.4, -3 for 0.0012. It is 0 for zero.
func (d Decimal) Magnitude() int {
	if d.IsZero() {
		return 0
	}
	return d.digits() + d.exp - 1
}

// Places returns the number of digits after the point in d's shortest
// form (negative when d is a multiple of 10, 100, ...).
func (d Decimal) Places() int { return -d.exp }

// String renders d in plain notation without exponent or grouping, the
// canonical lexical form of xs:decimal: "-16088000", "0.14", "0".
func (d Decimal) String() string { return string(d.Append(nil)) }

// Append appends d as String renders it to b.
func (d Decimal) Append(b []byte) []byte {
	if d.IsZero() {
		return append(b, '0')
	}
	if d.Sign() < 0 {
		b = append(b, '-')
	}
	var buf [20]byte
	var s []byte
	if d.big == nil {
		s = strconv.AppendUint(buf[:0], uabs(d.small), 10)
	} else {
		s = new(big.Int).Abs(d.big).Append(buf[:0], 10)
	}
	switch {
	case d.exp >= 0:
		b = append(b, s...)
		for range d.exp {
			b = append(b, '0')
		}
		return b
	case -d.exp >= len(s):
		b = append(b, '0', '.')
		for range -d.exp - len(s) {
			b = append(b, '0')
		}
		return append(b, s...)
	}
	i := len(s) + d.exp
	b = append(b, s[:i]...)
	b = append(b, '.')
	return append(b, s[i:]...)
}

// MarshalText renders d as String does.
func (d Decimal) MarshalText() ([]byte, error) { return d.Append(nil), nil }

// UnmarshalText parses text written by MarshalText.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
