// Package source is the read stage: it turns the bytes of a disclosure into
// numbered lines that later stages can address, and defines Pos, the
// file:line:column that every extracted value and every fact carries.
//
// Reading normalises what text extraction and old word processors leave
// behind without losing the way back to the original bytes:
//
//	"Revenue\t$ 1,234\r\n"  →  Line{Num: 1, Text: "Revenue $ 1,234"}
//
// Tabs are expanded to the next multiple of eight columns so that
// fixed-width tables line up, carriage returns and form feeds end lines,
// and no-break spaces become spaces. Line.Pos maps a column of the
// normalised text back to the byte column of the original line, so a
// diagnostic points at what the user sees in their editor.
package source
