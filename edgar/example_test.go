package edgar_test

import (
	"fmt"

	"github.com/xport/xport/edgar"
)

func ExampleParse() {
	data := []byte(`<SEC-HEADER>
CONFORMED SUBMISSION TYPE:	8-K
FILED AS OF DATE:		20130205
FILER:
	COMPANY DATA:
		COMPANY CONFORMED NAME:	Lumen Harbor Optics Corp
		CENTRAL INDEX KEY:	0009999999
</SEC-HEADER>
<DOCUMENT>
<TYPE>EX-99.1
<TEXT>
Lumen Harbor Optics Reports Results
Revenue   $ 12,500
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<TEXT>
begin 644 logo.jpg
end
</TEXT>
</DOCUMENT>
`)
	sub, err := edgar.Parse(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	h := sub.Header
	fmt.Printf("%s %s by %s (CIK %s, line %d)\n", h.FormType, h.FiledAsOf.Format("2006-01-02"), h.CompanyName, h.CIK, h.CIKLine)
	for _, d := range sub.Documents {
		fmt.Printf("%s kind=%q binary=%v text from line %d\n", d.Type, d.Kind(), d.Binary, d.FirstLine)
	}
	for _, d := range sub.Convertible() {
		fmt.Printf("convert %s: %q\n", d.Type, d.Text)
	}
	// Output:
	// 8-K 2013-02-05 by Lumen Harbor Optics Corp (CIK 0009999999, line 7)
	// EX-99.1 kind="release" binary=false text from line 12
	// GRAPHIC kind="" binary=true text from line 19
	// convert EX-99.1: "Lumen Harbor Optics Reports Results\nRevenue   $ 12,500\n"
}

func ExampleParse_truncated() {
	_, err := edgar.Parse([]byte("<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nRevenue\n"))
	fmt.Println(err)
	_, err = edgar.Parse([]byte("Revenue $ 12,500\n"))
	fmt.Println(err)
	// Output:
	// line 3: <TEXT> has no </TEXT>
	// line 1: not an edgar submission: no <SEC-DOCUMENT>, <SEC-HEADER> or <DOCUMENT> tag
}
