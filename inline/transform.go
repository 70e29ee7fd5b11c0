package inline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrFormatNotRead is a format xport does not implement: a limit of
// xport, not a fault of the document.
var ErrFormatNotRead = errors.New("format not read")

// transform applies a format of the Inline XBRL transformation registry
// (versions 1 to 5, and the SEC's ixt-sec) to the text shown, giving the
// value's lexical form. A format it does not know is an error: the fact
// is then not read, rather than read wrong.
func transform(format, shown string) (string, error) {
	name := strings.ToLower(format)
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	if v, ok, err := secTransform(name, shown); ok { // names only the SEC's registry has
		return v, err
	}
	switch name {
	case "":
		return shown, nil
	case "num-dot-decimal", "numdotdecimal", "numcommadot", "num-dot-decimal-apos":
		return digits(shown, '.')
	case "num-comma-decimal", "numcommadecimal", "numdotcomma", "numspacecomma":
		return digits(shown, ',')
	case "fixed-zero", "zerodash", "numdash", "nocontent":
		return "0", nil
	case "fixed-empty":
		return "", nil
	case "fixed-false", "booleanfalse":
		return "false", nil
	case "fixed-true", "booleantrue":
		return "true", nil
	case "boolballotbox":
		switch strings.TrimSpace(shown) {
		case "☒", "☑", "✓", "x", "X":
			return "true", nil
		case "☐":
			return "false", nil
		}
	case "numwordsen", "num-word-en":
		if n, ok := numberWords[strings.ToLower(strings.Trim(strings.TrimSpace(shown), "."))]; ok {
			return strconv.Itoa(n), nil
		}
	case "date-monthname-day-year-en", "datemonthnamedayyearen", "datemonthdayyearen", "date-month-day-year-en":
		return date(shown, "January 2, 2006", "January 2 2006", "Jan. 2, 2006", "Jan 2, 2006", "January 2,2006")
	case "date-day-monthname-year-en", "datedaymonthnameyearen", "datedaymonthyearen":
		return date(shown, "2 January 2006", "2 January, 2006", "2 Jan 2006")
	case "date-month-day-year", "datemonthdayyear", "dateslashus", "datedotus":
		return date(strings.NewReplacer(".", "/", "-", "/").Replace(shown), "1/2/2006", "01/02/2006", "1/2/06", "01/02/06")
	case "date-day-month-year", "datedaymonthyear", "dateslasheu", "datedoteu":
		return date(strings.NewReplacer(".", "/", "-", "/").Replace(shown), "2/1/2006", "02/01/2006", "2/1/06")
	case "date-year-month-day", "dateyearmonthday":
		return date(strings.NewReplacer(".", "-", "/", "-").Replace(shown), "2006-1-2", "2006-01-02")
	}
	if inRegistry(name) {
		return "", fmt.Errorf("%w: the format %q is not one xport reads; the fact is not read", ErrFormatNotRead, format)
	}
	return "", fmt.Errorf("the format %q is in no transformation registry; the fact is not read", format)
}

// inRegistry reports whether a format xport does not read is one of the
// registries' (versions 1 to 5 and the SEC's): their date formats, in
// every language and order, and the numbers with units or other marks.
func inRegistry(name string) bool {
	if strings.HasPrefix(name, "date") || strings.HasPrefix(name, "cal") {
		return true
	}
	switch name {
	case "num-unit-decimal", "num-unit-decimal-apos", "num-comma-decimal-apos", "num-dot-decimal-in", "num-unit-decimal-in",
		"numunitdecimal", "numdotdecimalin", "numunitdecimalin", "numspacedot", "numdotcomma", "numcommadot", "numspacecomma",
		"numwordsen", "num-word-en", "durwordsen", "countrynameen", "edgarprovcountryen", "fixed-empty", "fixed-false", "fixed-true":
		return true
	}
	return false
}

// digits keeps the digits of a number shown with thousands separators,
// the decimal mark given.
func digits(shown string, mark rune) (string, error) {
	var b strings.Builder
	for _, r := range shown {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == mark:
			b.WriteByte('.')
		}
	}
	if b.Len() == 0 {
		return "", errors.New("no digits in " + strconv.Quote(shown))
	}
	return b.String(), nil
}

// date reads a date in one of the layouts.
func date(shown string, layouts ...string) (string, error) {
	s := strings.Join(strings.Fields(shown), " ")
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", errors.New("no date in " + strconv.Quote(shown))
}

// numberWords are the numbers ixt-sec:numwordsen reads.
var numberWords = map[string]int{"no": 0, "none": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4,
	"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
