package mapping

import (
	"slices"
	"strings"
	"testing"

	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// untitledHead is the column headings of an untitled table.
const untitledHead = `Example Corp reported results for the year ended December 31, 2020.

                                     Year Ended December 31,
(In thousands)                          2020          2019
`

// TestUntitledTables maps tables whose title names no statement by the
// statement whose rules match most of their rows, and only when they
// match at least half of the rows with figures; rows no rule maps stay
// not mapped, at their positions.
func TestUntitledTables(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		facts []string // concept period = value
		// unmapped lists "line:col reason" (a prefix of the reason) of
		// every figure not mapped.
		unmapped []string
		note     string   // a provenance note the guess makes
		warnings []string // the codes of warnings other than map.noCIK
	}{
		{
			name:  "a statement of operations",
			text:  untitledHead + "Net sales                            $   1,250     $   1,100\nNet income                                 200           150\n",
			facts: []string{"us-gaap:Revenues 2020-01-01..2020-12-31 = 1250000", "us-gaap:NetIncomeLoss 2019-01-01..2019-12-31 = 150000"},
			note:  "in.txt:3:1: the table has no statement title; it is read as a statement of operations, whose rules match 2 of its 2 rows with figures",
		},
		{
			name:  "a row no rule maps",
			text:  untitledHead + "Net sales                            $   1,250     $   1,100\nNet income                                 200           150\nBacklog                                    900           700\n",
			facts: []string{"us-gaap:Revenues 2020-01-01..2020-12-31 = 1250000"},
			unmapped: []string{
				"7:44 the table has no statement title and is read as a statement of operations, but no rule of it maps the row",
				"7:58 the table has no statement title and is read as a statement of operations",
			},
		},
		{
			name: "a breakdown",
			text: untitledHead + "United States                        $     700     $     600\nEurope                                     550           500\nTotal revenue                            1,250         1,100\n",
			unmapped: []string{
				"5:38 the table has no statement title, and the rules of a statement of operations match only 1 of its 3 rows with figures",
				"5:52", "6:44", "6:58", "7:42", "7:56",
			},
			warnings: []string{"map.noFacts"},
		},
		{
			name: "no rule matches",
			text: untitledHead + "Headcount                                  120           110\n",
			unmapped: []string{
				"5:44 the table has no statement title, and no statement's rules match its rows",
				"5:58",
			},
			warnings: []string{"map.noFacts"},
		},
		{
			name: "guidance introduced above the table",
			text: "Example Corp reported results for the year ended December 31, 2020.\n\nThe following is our guidance for the full year:\n" +
				"                                     Year Ended December 31,\n(In thousands)                          2021          2020\n" +
				"Net sales                            $   1,400     $   1,250\nNet income                                 220           200\n",
			unmapped: []string{
				"6:38 the table has no statement title, and the text above it speaks of guidance: its figures are projections, not facts",
				"6:52", "7:44", "7:58",
			},
			warnings: []string{"map.noFacts"},
		},
		{
			name: "a balance sheet",
			text: "                                    December 31,  December 31,\n(In thousands)                          2020          2019\n" +
				"Cash and cash equivalents            $     300     $     250\nTotal assets                             2,000         1,800\n",
			facts: []string{"us-gaap:CashAndCashEquivalentsAtCarryingValue 2020-12-31 = 300000", "us-gaap:Assets 2019-12-31 = 1800000"},
		},
		{
			name: "contradicting a titled statement",
			text: untitledHead + "Net sales                            $   1,300     $   1,100\n\n" +
				"Example Corp\nStatements of Operations\n                                     Year Ended December 31,\n(In thousands)                          2020          2019\n" +
				"Net sales                            $   1,250     $   1,100\n",
			facts:    []string{"us-gaap:Revenues 2020-01-01..2020-12-31 = 1250000", "us-gaap:Revenues 2019-01-01..2019-12-31 = 1100000"},
			unmapped: []string{"5:38 us-gaap:Revenues for 2020-01-01..2020-12-31 is 1250000 at in.txt:11:38"},
			warnings: []string{"map.guessContradicted"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, diags := mapText(t, tt.text, Options{CIK: "42"})
			facts := factsByKey(rep)
			for _, want := range tt.facts {
				key, value, _ := strings.Cut(want, " = ")
				if f := facts[key]; f == nil || f.ValueString() != value {
					t.Errorf("%s: %v, want %s", key, f, value)
				}
			}
			if len(tt.unmapped) != len(rep.Unmapped) {
				t.Errorf("%d figures not mapped, want %d: %+v", len(rep.Unmapped), len(tt.unmapped), rep.Unmapped)
			}
			for i, u := range rep.Unmapped {
				if i >= len(tt.unmapped) {
					break
				}
				at, reason, _ := strings.Cut(tt.unmapped[i], " ")
				if got := u.Pos.String(); got != "in.txt:"+at || !strings.HasPrefix(u.Reason, reason) {
					t.Errorf("not mapped at %s: %s, want %s: %s", got, u.Reason, at, reason)
				}
			}
			if tt.note != "" && !hasNote(rep.Provenance.Notes, tt.note) {
				t.Errorf("no note %q in %v", tt.note, rep.Provenance.Notes)
			}
			for _, d := range diags {
				if d.Severity == source.Error {
					t.Errorf("error: %v", d)
				}
				if d.Severity == source.Warning && !slices.Contains(tt.warnings, d.Code) && d.Code != "map.noCIK" {
					t.Errorf("warning: %v", d)
				}
			}
		})
	}
}

func hasNote(notes []xbrl.Note, want string) bool {
	for _, n := range notes {
		if n.Pos.String()+": "+n.Text == want {
			return true
		}
	}
	return false
}
