package validate

import (
	"strings"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// checkSmelterCounts checks the counts a conflict minerals report states
// (cmr:SmelterCount, cmr:GoldSmelterCount, ..., cmr:MarkedSmelterCount)
// against its list: the facilities of cmr:FacilityAxis with their
// cmr:SmelterMetal and cmr:SmelterConflictFreeMark facts.
func checkSmelterCounts(rep *xbrl.Report, ds *source.Diagnostics) {
	cat, err := schema.DefaultCatalogue() // the concepts: the mapping rules are not needed
	if err != nil {
		return
	}
	ns, ok := cat.Namespace("cmr")
	if !ok {
		return
	}
	listed := map[string]int{} // count concept local name → facilities listed
	facilities := map[string]bool{}
	counts := map[string]*xbrl.Fact{}
	for _, f := range rep.Facts {
		if f.Concept.Namespace != ns.URI {
			continue
		}
		switch name := f.Concept.Name; {
		case strings.HasSuffix(name, "SmelterCount") && len(f.Dims) == 0:
			counts[name] = f
		case name == "SmelterMetal" && len(f.Dims) == 1:
			listed[f.Text+"SmelterCount"]++
			facilities[f.Dims[0].Typed] = true
		case name == "SmelterConflictFreeMark" && len(f.Dims) == 1 && f.Text == "true":
			listed["MarkedSmelterCount"]++
		}
	}
	if len(facilities) == 0 && len(counts) == 0 {
		return
	}
	listed["SmelterCount"] = len(facilities)
	for _, name := range []string{"SmelterCount", "GoldSmelterCount", "TantalumSmelterCount", "TinSmelterCount", "TungstenSmelterCount", "MarkedSmelterCount"} {
		f := counts[name]
		if f == nil {
			continue
		}
		if want := decimal.FromInt(int64(listed[name])); !f.Value.Equal(want) {
			addFact(ds, source.Error, "xport.cross:smelterCountMismatch", f,
				"%s is %s, but the list has %s", f.Concept.QName(), f.Value, want)
		}
	}
}
