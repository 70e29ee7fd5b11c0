package validate

import (
	"github.com/xport/xport/calc"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// checkCross checks what statements say about each other, by us-gaap
// concept: the balance sheet balances, cash at the start plus the change
// is cash at the end, and EPS agrees with net income over weighted shares
// within its rounding, and a conflict minerals report's counts agree with
// its smelter list. (The same figure printed twice is one fact; two
// different values for it are inconsistent duplicates.)
func checkCross(rep *xbrl.Report, ds *source.Diagnostics) {
	idx := indexFacts(rep)
	checkBalanceSheet(idx, ds)
	checkCashRollForward(idx, ds)
	checkEPS(idx, ds)
	checkSmelterCounts(rep, ds)
}

// factIndex finds facts without dimensions by us-gaap local name and
// period.
type factIndex map[string]map[string]*xbrl.Fact // local name → period id → fact

func indexFacts(rep *xbrl.Report) factIndex {
	idx := factIndex{}
	for _, f := range rep.Facts {
		if len(f.Dims) > 0 || f.Concept.Prefix != "us-gaap" || !f.Numeric() {
			continue
		}
		if idx[f.Concept.Name] == nil {
			idx[f.Concept.Name] = map[string]*xbrl.Fact{}
		}
		idx[f.Concept.Name][f.Period.ID()] = f
	}
	return idx
}

// sortedFacts returns the facts of a concept in a stable order.
func (idx factIndex) sortedFacts(name string) []*xbrl.Fact {
	var out []*xbrl.Fact
	for _, f := range idx[name] {
		out = append(out, f)
	}
	sortFacts(out)
	return out
}

// checkBalanceSheet: total assets equal total liabilities and equity.
func checkBalanceSheet(idx factIndex, ds *source.Diagnostics) {
	for _, a := range idx.sortedFacts("Assets") {
		le := idx["LiabilitiesAndStockholdersEquity"][a.Period.ID()]
		if le == nil {
			continue
		}
		d := min(a.Decimals, le.Decimals)
		if !a.Value.RoundHalfEven(d).Equal(le.Value.RoundHalfEven(d)) {
			addFact(ds, source.Warning, "xport.cross:balanceSheetUnbalanced", a,
				"total assets at %s are %s but liabilities and equity are %s (at %s)", a.Period, a.Value, le.Value, le.Source)
		}
	}
}

// checkCashRollForward: cash at the start of a period plus its change is
// cash at its end.
func checkCashRollForward(idx factIndex, ds *source.Diagnostics) {
	for _, pair := range [][2]string{
		{"CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect", "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"},
		{"CashAndCashEquivalentsPeriodIncreaseDecrease", "CashAndCashEquivalentsAtCarryingValue"},
	} {
		for _, change := range idx.sortedFacts(pair[0]) {
			p := change.Period
			start := idx[pair[1]][xbrl.Period{End: p.Start.AddDate(0, 0, -1), Instant: true}.ID()]
			end := idx[pair[1]][xbrl.Period{End: p.End, Instant: true}.ID()]
			if start == nil || end == nil {
				continue
			}
			d := min(change.Decimals, start.Decimals, end.Decimals)
			if got := start.Value.RoundHalfEven(d).Add(change.Value.RoundHalfEven(d)); !got.Equal(end.Value.RoundHalfEven(d)) {
				addFact(ds, source.Warning, "xport.cross:cashRollForward", end,
					"cash at %s is %s, but cash at the start (%s) plus the change (%s) is %s", p.End.Format("2006-01-02"), end.Value, start.Value, change.Value, got)
			}
		}
	}
}

// checkEPS: earnings per share times weighted shares is net income, within
// the rounding of EPS to its decimals (half a unit of its last digit per
// share) and of net income.
func checkEPS(idx factIndex, ds *source.Diagnostics) {
	for _, pair := range [][2]string{
		{"EarningsPerShareBasic", "WeightedAverageNumberOfSharesOutstandingBasic"},
		{"EarningsPerShareDiluted", "WeightedAverageNumberOfDilutedSharesOutstanding"},
		{"EarningsPerShareBasicAndDiluted", "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"},
	} {
		for _, eps := range idx.sortedFacts(pair[0]) {
			shares, ni := idx[pair[1]][eps.Period.ID()], idx["NetIncomeLoss"][eps.Period.ID()]
			if shares == nil || ni == nil || eps.Decimals >= xbrl.DecimalsINF {
				continue
			}
			slack := shares.Value.Abs().Mul(calc.HalfUnit(eps.Decimals))
			if ni.Decimals < xbrl.DecimalsINF {
				slack = slack.Add(calc.HalfUnit(ni.Decimals))
			}
			if diff := eps.Value.Mul(shares.Value).Sub(ni.Value).Abs(); diff.Cmp(slack) > 0 {
				addFact(ds, source.Warning, "xport.cross:epsInconsistent", eps,
					"%s for %s is %s, but net income %s over %s weighted shares is not within its rounding", eps.Concept.QName(), eps.Period, eps.Value, ni.Value, shares.Value)
			}
		}
	}
}
