package xport_test

import (
	"fmt"
	"strings"

	"github.com/xport/xport"
)

func ExampleConvert() {
	release := `Example Corp (NYSE: EXM) reported its results.

Example Corp
Consolidated Statements of Operations
(In thousands, except per share amounts)

                          Year Ended December 31,
                          -----------------------
                            2020         2019
                          ---------    ---------
Revenues                  $ 1,000      $   900
Cost of revenues              600          500
                          ---------    ---------
Gross profit                  400          400
                          =========    =========
Net income per share      $  0.40      $  0.40
`
	res, err := xport.Convert("example.txt", strings.NewReader(release), xport.Options{CIK: "1234567"})
	if err != nil {
		panic(err)
	}
	for _, f := range res.Report.Facts {
		if f.Numeric() {
			fmt.Printf("%s %s %s decimals=%d at %s\n", f.Concept.QName(), f.Period, f.Value, f.Decimals, f.Source)
		}
	}
	fmt.Println("valid:", res.Valid())
	// Output:
	// us-gaap:Revenues 2020-01-01..2020-12-31 1000000 decimals=-3 at example.txt:11:27
	// us-gaap:Revenues 2019-01-01..2019-12-31 900000 decimals=-3 at example.txt:11:40
	// us-gaap:CostOfRevenue 2020-01-01..2020-12-31 600000 decimals=-3 at example.txt:12:31
	// us-gaap:CostOfRevenue 2019-01-01..2019-12-31 500000 decimals=-3 at example.txt:12:44
	// us-gaap:GrossProfit 2020-01-01..2020-12-31 400000 decimals=-3 at example.txt:14:31
	// us-gaap:GrossProfit 2019-01-01..2019-12-31 400000 decimals=-3 at example.txt:14:44
	// exm:NetIncomePerShare 2020-01-01..2020-12-31 0.4 decimals=2 at example.txt:16:27
	// exm:NetIncomePerShare 2019-01-01..2019-12-31 0.4 decimals=2 at example.txt:16:40
	// valid: true
}
