package validate

import (
	"github.com/xport/xport/calc"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// CalcMode selects how calculation relationships are checked (calc.Mode).
type CalcMode = calc.Mode

// Calculation modes.
const (
	CalcOff    = calc.Off    // calculations are not checked
	CalcXBRL21 = calc.XBRL21 // XBRL 2.1 §5.2.5.2 rounding
	Calc11     = calc.Calc11 // Calculation 1.1 intervals
)

// checkCalculations reports every inconsistent total; keys are the
// facts' keys.
func checkCalculations(rep *xbrl.Report, keys []string, mode CalcMode, ds *source.Diagnostics) {
	for _, n := range rep.Networks {
		checkWeights(n, ds)
	}
	code := "xbrl.5.2.5.2:calcInconsistency"
	if mode == Calc11 {
		code = "calc11e:inconsistentCalculationUsingRounding"
	}
	for _, inc := range calc.InconsistenciesWithKeys(rep, keys, mode) {
		tf := inc.Total
		addFact(ds, source.Error, code, tf, "%s for %s is %s but its items in %s add up to %s",
			tf.Concept.QName(), tf.Period, tf.Value, inc.Network.RoleID, inc.Sum)
	}
}

// checkWeights applies XBRL 2.1 §5.1.1.2: between two concepts with a
// balance, a summation weighs +1 when the balances agree and -1 when they
// differ.
func checkWeights(n *xbrl.Network, ds *source.Diagnostics) {
	for _, a := range n.Calculation {
		f, t := a.From.Balance, a.To.Balance
		if f == xbrl.NoBalance || t == xbrl.NoBalance {
			continue
		}
		if (f == t) != (a.Weight > 0) {
			ds.Add(source.Error, "xbrl.5.1.1.2:balanceCalcWeightIllegal", a.Source,
				"%s (%s) weighs %d in %s (%s) in %s", a.To.QName(), t, a.Weight, a.From.QName(), f, n.RoleID)
		}
	}
}

// addFact adds a diagnostic at a fact, with the fact's origin.
func addFact(ds *source.Diagnostics, sev source.Severity, code string, f *xbrl.Fact, format string, args ...any) {
	ds.Add(sev, code, f.Source, format, args...)
	(*ds)[len(*ds)-1].Origin = f.Origin
}
