package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xport/xport/xbrl"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestEmbeddedCatalogueAndRules(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRules(cat); err != nil {
		t.Fatal(err)
	}
	for _, c := range cat.Concepts() {
		if _, ok := xsdTypes[c.Type]; !ok {
			t.Errorf("%s has item type %q with no schema type", c.QName(), c.Type)
		}
	}
}

func TestCatalogueErrors(t *testing.T) {
	const ns = "namespace | us-gaap | http://fasb.org/us-gaap/2025 | https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd\n"
	tests := []struct{ text, want string }{
		{ns + "us-gaap:X | money | duration | credit | X", `cat.txt:2: us-gaap:X: unknown item type "money"`},
		{ns + "us-gaap:X | monetary | forever | credit | X", `cat.txt:2: us-gaap:X: unknown period type "forever"`},
		{ns + "us-gaap:X | shares | duration | debit | X", "cat.txt:2: us-gaap:X: only monetary concepts have a balance"},
		{ns + "us-gaap:X | monetary | duration | | X", "cat.txt:2: us-gaap:X: a monetary concept states its balance: debit, credit or none"},
		{ns + "ifrs:X | monetary | duration | debit | X", `cat.txt:2: ifrs:X: undeclared prefix "ifrs"`},
		{ns + "us-gaap:X | monetary | duration", "cat.txt:2: concept wants 5 fields, has 3"},
		{ns + "Revenues | monetary | duration | credit | X", `cat.txt:2: "Revenues" is not a prefixed name`},
		{ns + "us-gaap:X | pure | duration | | X\nus-gaap:X | pure | duration | | X", "cat.txt:3: us-gaap:X: listed twice"},
	}
	for _, tt := range tests {
		_, err := ParseCatalogue("cat.txt", tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCatalogue(%q) = %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestRuleErrors(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"income | | revenue | us-gaap:Revenue", "r.txt:1: unknown concept us-gaap:Revenue"},
		{"ledger | | revenue | us-gaap:Revenues", `r.txt:1: unknown statement kind "ledger"`},
		{"income | | (revenue | us-gaap:Revenues", "r.txt:1: label pattern"},
		{"income | ( | revenue | us-gaap:Revenues", "r.txt:1: section pattern"},
		{"income | revenue | us-gaap:Revenues", "r.txt:1: rule wants 4 or 5 fields, has 3"},
		{"income | | revenue | us-gaap:Revenues | sideways", `r.txt:1: unknown flag "sideways"`},
	}
	for _, tt := range tests {
		_, err := ParseRules("r.txt", tt.text, cat)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseRules(%q) = %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	rules, err := LoadRules(cat)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind           Kind
		section, label string
		want           string // "" for no match
	}{
		{Income, "Revenue:", "Total revenue", "us-gaap:Revenues"},
		{Income, "", "Net sales", "us-gaap:Revenues"},
		{Income, "", "Revenue, net", "us-gaap:Revenues"},
		{Income, "Cost of revenue (1):", "Total cost of revenue", "us-gaap:CostOfRevenue"},
		{Income, "", "Gross profit", "us-gaap:GrossProfit"},
		{Income, "Operating expenses (1):", "Research and development", "us-gaap:ResearchAndDevelopmentExpense"},
		{Income, "Operating expenses (1):", "Restructuring and other costs (credit)", "us-gaap:RestructuringCharges"},
		{Income, "", "Loss from operations", "us-gaap:OperatingIncomeLoss"},
		{Income, "Other income (expense), net:", "Other gain (loss), net", "us-gaap:OtherNonoperatingIncomeExpense"},
		{Income, "", "Total other income (expense), net", "us-gaap:NonoperatingIncomeExpense"},
		{Income, "", "Loss before income taxes", "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"},
		{Income, "", "Provision for income taxes", "us-gaap:IncomeTaxExpenseBenefit"},
		{Income, "", "Net loss", "us-gaap:NetIncomeLoss"},
		{Income, "", "Net income available to common stockholders", "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"},
		{Income, "", "Net loss attributable to common shareholders", "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"},
		{Income, "", "Net income", "us-gaap:NetIncomeLoss"},
		{Income, "", "Net loss per common share, basic and diluted", "us-gaap:EarningsPerShareBasicAndDiluted"},
		{Income, "Net income per share:", "Basic", "us-gaap:EarningsPerShareBasic"},
		{Income, "Weighted average shares outstanding:", "Diluted", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"},
		{Income, "", "Weighted average shares used in computing basic and diluted net loss per common share", "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"},
		{Income, "Revenue:", "Product", ""},
		{Income, "", "Basic", ""},
		{Balance, "", "Total revenue", ""},
		{Balance, "", "Total liabilities and equity", "us-gaap:LiabilitiesAndStockholdersEquity"},
		{Balance, "", "Total liabilities and stockholders’ equity (deficit)", "us-gaap:LiabilitiesAndStockholdersEquity"},
		{Balance, "", "Total liabilities and shareowners' equity", "us-gaap:LiabilitiesAndStockholdersEquity"},
		{Balance, "", "Stockholders' equity", "us-gaap:StockholdersEquity"},
		{Balance, "", "Total stockholders' deficit", "us-gaap:StockholdersEquity"},
		{Balance, "", "Total equity", "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"},
		{Income, "", "Earnings before provision for taxes on income", "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"},
		{Income, "", "Provision for taxes on income", "us-gaap:IncomeTaxExpenseBenefit"},
		{Income, "", "Net earnings from continuing operations", "us-gaap:IncomeLossFromContinuingOperations"},
		{Income, "", "Operating profit", "us-gaap:OperatingIncomeLoss"},
		{Income, "", "Selling, marketing and administrative expenses", "us-gaap:SellingGeneralAndAdministrativeExpense"},
		{Balance, "", "Other current assets", "us-gaap:OtherAssetsCurrent"},
		{Balance, "", "Other current liabilities", "us-gaap:OtherLiabilitiesCurrent"},
		{Income, "", "Amortization of purchased intangibles", "us-gaap:AmortizationOfIntangibleAssets"},
		{CashFlow, "", "Dividends paid", "us-gaap:PaymentsOfDividends"},
		{CashFlow, "", "Payment of dividends to stockholders", "us-gaap:PaymentsOfDividends"},
		{CashFlow, "", "Net cash used for investing activities", "us-gaap:NetCashProvidedByUsedInInvestingActivities"},
		{CashFlow, "", "Net cash provided by (used for) financing activities", "us-gaap:NetCashProvidedByUsedInFinancingActivities"},
	}
	for _, tt := range tests {
		got := ""
		if r := rules.Match(tt.kind, tt.section, tt.label); r != nil {
			got = r.Concept.QName()
		}
		if got != tt.want {
			t.Errorf("Match(%s, %q, %q) = %q, want %q", tt.kind, tt.section, tt.label, got, tt.want)
		}
	}
}

func TestNormalizeLabel(t *testing.T) {
	tests := map[string]string{
		"Cost of revenue (1):":                               "cost of revenue",
		"Depreciation & Amortization":                        "depreciation and amortization",
		"Cost of revenue - amortization from balance sheet*": "cost of revenue - amortization from balance sheet",
		"  Net   loss  ":                                     "net loss",
		"Net\t\tloss\r\nper\fshare":                          "net loss per share",
		"Revenue ($ Mil)":                                    "revenue",
		"Total (in thousands) *":                             "total",
		"Sales (Note 1)":                                     "sales",
		"Costs and expenses (Notes 1 and 16)":                "costs and expenses",
		"Goodwill (see Note 7)":                              "goodwill",
		"Income/(loss) from continuing operations":           "income (loss) from continuing operations",
		"Notes payable (2023 notes due)":                     "notes payable (2023 notes due)",
	}
	for in, want := range tests {
		if got := NormalizeLabel(in); got != want {
			t.Errorf("NormalizeLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// collapseSpaces does what the regular expression it replaced did.
func FuzzCollapseSpaces(f *testing.F) {
	spaces := regexp.MustCompile(`\s+`)
	for _, s := range []string{"", " ", "a  b", "\t\na\r\f", "a b", " a\u00a0 b\v"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpaces(s), spaces.ReplaceAllString(s, " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		title string
		want  Kind
	}{
		{"GAAP Condensed Consolidated Statements of Operations", Income},
		{"Consolidated Statements of Income", Income},
		{"Condensed Consolidated Balance Sheets", Balance},
		{"Condensed Consolidated Statements of Cash Flows", CashFlow},
		{"GAAP to Non-GAAP Reconciliations", Reconciliation},
		{"(1) The following table summarizes the effects of stock-based compensation", Compensation},
		{"Supplemental Financial Information", Supplemental},
		{"Revenue by Geography", Unknown},
	}
	for _, tt := range tests {
		if got := KindOf([]string{tt.title}); got != tt.want {
			t.Errorf("KindOf(%q) = %s, want %s", tt.title, got, tt.want)
		}
	}
}

// TestJSONSchemaGolden keeps the JSON Schema of each document xport
// writes in a golden file, so a change to the Go types shows up in
// review, and checks that each compiles as a 2020-12 schema.
func TestJSONSchemaGolden(t *testing.T) {
	for _, d := range Documents {
		t.Run(d.Name, func(t *testing.T) {
			got, err := DocumentSchema(d.Name)
			if err != nil {
				t.Fatal(err)
			}
			compileSchema(t, d.ID, got)
			golden := filepath.Join("testdata", d.Name+".schema.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("generated JSON Schema differs from %s; run go test -update and review", golden)
			}
		})
	}
	if _, err := DocumentSchema("nonesuch"); err == nil {
		t.Error("DocumentSchema(nonesuch): no error")
	}
}

func compileSchema(t *testing.T, id string, b []byte) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(id, bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("generated schema does not compile: %v", err)
	}
	return s
}

// TestConceptListMatchesSchema checks the catalogue as `xport concepts
// --json` lists it against the schema generated for that document, and
// that the schema rejects an entry with a period type XBRL does not have.
func TestConceptListMatchesSchema(t *testing.T) {
	b, err := DocumentSchema("concepts")
	if err != nil {
		t.Fatal(err)
	}
	s := compileSchema(t, "urn:xport:schema:concepts", b)
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	entries := cat.Entries("")
	if len(entries) < 100 {
		t.Fatalf("catalogue lists %d concepts", len(entries))
	}
	if err := s.Validate(roundTrip(t, entries)); err != nil {
		t.Errorf("concept list does not match its schema: %v", err)
	}
	bad := append([]Entry{}, entries[0])
	bad[0].PeriodType = "forever"
	if err := s.Validate(roundTrip(t, bad)); err == nil {
		t.Error("schema accepts periodType forever")
	}
}

// roundTrip marshals v and decodes it as the validator expects.
func roundTrip(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTaxonomyWellFormed generates a taxonomy for a small report and
// checks each file parses and the schema declares the extension concept
// and imports the base taxonomies.
func TestTaxonomyWellFormed(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	rev := cat.Lookup("us-gaap:Revenues")
	ext := &xbrl.Concept{Prefix: "exm", Name: "ProductRevenue", Namespace: "urn:xport:exm", Type: xbrl.Monetary, PeriodType: xbrl.Duration, Balance: xbrl.Credit}
	root := cat.Lookup("us-gaap:IncomeStatementAbstract")
	rep := &xbrl.Report{
		Taxonomy: xbrl.Taxonomy{Prefix: "exm", Namespace: "urn:xport:exm", Schema: "r.xsd", RoleBase: "urn:xport:exm:role:"},
		Concepts: []*xbrl.Concept{ext, rev, root},
		Networks: []*xbrl.Network{{RoleID: "Ops", Title: "Operations", Root: root,
			Presentation: []xbrl.Arc{{From: root, To: rev, Order: 1}, {From: root, To: ext, Order: 2}},
			Calculation:  []xbrl.Arc{{From: rev, To: ext, Order: 1, Weight: 1}}}},
		Labels: map[string]string{"exm:ProductRevenue": "Product & services"},
	}
	files, err := Taxonomy(rep, cat)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"r.xsd", "r_lab.xml", "r_pre.xml", "r_cal.xml", "r_def.xml"}
	for i, f := range files {
		if f.Name != names[i] {
			t.Errorf("file %d is %s, want %s", i, f.Name, names[i])
		}
		doc := etree.NewDocument()
		if err := doc.ReadFromBytes(f.Data); err != nil {
			t.Errorf("%s is not well-formed XML: %v", f.Name, err)
		}
	}
	xsd := string(files[0].Data)
	for _, want := range []string{`name="ProductRevenue"`, `xbrli:balance="credit"`, `schemaLocation="https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd"`, `roleURI="urn:xport:exm:role:Ops"`} {
		if !strings.Contains(xsd, want) {
			t.Errorf("schema lacks %s", want)
		}
	}
	if cal := string(files[3].Data); !strings.Contains(cal, `xlink:href="https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd#us-gaap_Revenues"`) || !strings.Contains(cal, `weight="1.0"`) {
		t.Errorf("calculation linkbase lacks the us-gaap locator or the weight:\n%s", cal)
	}
	if lab := string(files[1].Data); !strings.Contains(lab, "Product &amp; services") {
		t.Errorf("label linkbase lacks the escaped label:\n%s", lab)
	}
}
