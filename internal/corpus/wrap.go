package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// wrap makes a generated document an EDGAR submission: a release becomes
// exhibit 99.1 of an 8-K, a conflict minerals report the text of a Form
// SD. The filing date is the latest date the text names.
func (g *rewrite) wrap(text []byte) []byte {
	filed := latestDate(text)
	period, form, docs := filed, "8-K", []edgarDoc{
		{"8-K", "form8k.txt", "FORM 8-K", fmt.Sprintf("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\nItem 2.02 Results of Operations and Financial Condition.\n\nThe press release furnished as Exhibit 99.1 reports the results of\n%s.\n", g.company())},
		{"EX-99.1", "ex99-1.txt", "PRESS RELEASE", string(text)},
	}
	if g.kind == Minerals {
		period = time.Date(filed.Year()-1, time.December, 31, 0, 0, 0, 0, time.UTC)
		form, docs = "SD", []edgarDoc{{"SD", "formsd.txt", "FORM SD", string(text)}}
	}
	accession := fmt.Sprintf("%010d-%02d-%06d", 9_000_000_000+g.rng.IntN(999_999_999), filed.Year()%100, g.rng.IntN(999_999))
	day := filed.Format("20060102")
	var b strings.Builder
	fmt.Fprintf(&b, "<SEC-DOCUMENT>%s.txt : %s\n<SEC-HEADER>%s.hdr.sgml : %s\n", accession, day, accession, day)
	fmt.Fprintf(&b, "ACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t%s\nPUBLIC DOCUMENT COUNT:\t\t%d\n", accession, form, len(docs))
	fmt.Fprintf(&b, "CONFORMED PERIOD OF REPORT:\t%s\nFILED AS OF DATE:\t\t%s\n\n", period.Format("20060102"), day)
	fmt.Fprintf(&b, "FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t%s\n\t\tCENTRAL INDEX KEY:\t\t\t%s\n", strings.ToUpper(g.company()), g.cik)
	fmt.Fprintf(&b, "\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t%s\n\t\tSEC ACT:\t\t1934 Act\n</SEC-HEADER>\n", form)
	for i, d := range docs {
		fmt.Fprintf(&b, "<DOCUMENT>\n<TYPE>%s\n<SEQUENCE>%d\n<FILENAME>%s\n<DESCRIPTION>%s\n<TEXT>\n%s", d.typ, i+1, d.file, d.description, d.text)
		if !strings.HasSuffix(d.text, "\n") {
			b.WriteByte('\n')
		}
		b.WriteString("</TEXT>\n</DOCUMENT>\n")
	}
	b.WriteString("</SEC-DOCUMENT>\n")
	return []byte(b.String())
}

type edgarDoc struct{ typ, file, description, text string }

// company is the made-up company name: the replaced words.
func (g *rewrite) company() string {
	var words []string
	for _, w := range g.words {
		words = append(words, w.to)
	}
	return strings.Join(words, " ")
}

// latestDate is the latest "Month D, YYYY" date in text, or January 1,
// 2000 when there is none.
func latestDate(text []byte) time.Time {
	latest := time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)
	for _, m := range fullDate.FindAllSubmatch(text, -1) {
		day, _ := strconv.Atoi(string(m[2]))
		year, _ := strconv.Atoi(string(m[3]))
		t := time.Date(year, time.Month(monthOf(string(m[1]))), day, 0, 0, 0, 0, time.UTC)
		if t.After(latest) {
			latest = t
		}
	}
	return latest
}
