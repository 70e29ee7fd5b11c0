package xbrl

import (
	"fmt"
	"strings"
)

// ItemType is the XBRL item type of a concept, named as in the catalogue.
type ItemType string

// Item types xport reports.
const (
	Monetary    ItemType = "monetary"
	PerShare    ItemType = "perShare"
	Shares      ItemType = "shares"
	Pure        ItemType = "pure"
	Percent     ItemType = "percent"
	String      ItemType = "string"
	NormString  ItemType = "normalizedString"
	Date        ItemType = "date"
	Boolean     ItemType = "boolean"
	Enumeration ItemType = "enumeration"
	Domain      ItemType = "domain" // a domain or member of an axis
	Axis        ItemType = "axis"   // an explicit dimension
	Hypercube   ItemType = "hypercube"
)

// Numeric reports whether facts of the type carry units and decimals.
func (t ItemType) Numeric() bool {
	switch t {
	case Monetary, PerShare, Shares, Pure, Percent:
		return true
	}
	return false
}

// PeriodType says whether a concept is measured at an instant or over a
// duration.
type PeriodType string

// Period types.
const (
	Instant  PeriodType = "instant"
	Duration PeriodType = "duration"
)

// Balance is the debit or credit nature of a monetary concept.
type Balance string

// Balances; NoBalance for concepts that have none.
const (
	NoBalance Balance = ""
	Debit     Balance = "debit"
	Credit    Balance = "credit"
)

// Concept is a taxonomy element that facts report.
type Concept struct {
	Prefix     string // "us-gaap", "dei" or the extension prefix
	Name       string // local name: "Revenues"
	Namespace  string
	Type       ItemType
	PeriodType PeriodType
	Balance    Balance
	Abstract   bool
	Label      string // standard label
	// XSDType is the schema type when it is not the one Type implies
	// (dei's tradingSymbolItemType, say).
	XSDType string
	// TypedDomain is, for a typed dimension, the element whose values
	// identify its members (xbrldt:typedDomainRef); nil for an explicit
	// dimension and for every other concept.
	TypedDomain *Concept
	// Enum lists the values an enumeration's type allows, in order.
	Enum []string
}

// QName returns the concept's prefixed name, "us-gaap:Revenues".
func (c *Concept) QName() string { return c.Prefix + ":" + c.Name }

// ID returns the XML id of the concept's element declaration,
// "us-gaap_Revenues", as the us-gaap and dei schemas spell them.
func (c *Concept) ID() string { return c.Prefix + "_" + c.Name }

// SplitQName splits "prefix:local".
func SplitQName(q string) (prefix, local string, err error) {
	prefix, local, ok := strings.Cut(q, ":")
	if !ok || prefix == "" || local == "" {
		return "", "", fmt.Errorf("%q is not a prefixed name", q)
	}
	return prefix, local, nil
}
