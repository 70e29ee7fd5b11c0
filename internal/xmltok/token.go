package xmltok

import (
	"encoding/xml"
	"errors"
	"fmt"
)

// Kind tells what a token is.
type Kind uint8

const (
	StartElement Kind = iota + 1 // <name attr="value">, or the start of <name/>
	EndElement                   // </name>, or the end of <name/>
	CharData                     // text, and CDATA sections
	Comment                      // <!--text-->
	ProcInst                     // <?target instruction?>, the XML declaration among them
	Directive                    // <!DOCTYPE ...>
)

var kindNames = [...]string{"invalid token", "start element", "end element", "char data", "comment", "processing instruction", "directive"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return kindNames[0]
}

// Token is one piece of a document. Its strings are substrings of the
// input, except for text in which a reference was replaced or a line
// end normalised.
type Token struct {
	Kind   Kind
	Offset int // of the token's first byte in the input: its '<', or a text's first character

	// Name is, for StartElement and EndElement, the element's namespace
	// URI and local name; for ProcInst, the target, in Local.
	Name xml.Name

	// Attr holds a StartElement's attributes in the order written,
	// namespace declarations among them as encoding/xml gives them:
	// xmlns="u" as {"", "xmlns"}, xmlns:p="u" as {"xmlns", "p"}. Other
	// prefixed names carry their namespace URI; unprefixed ones none.
	// The slice is reused by the next StartElement.
	Attr []xml.Attr

	// Text is, for CharData, the characters with references replaced and
	// line ends (\r\n, \r) made \n; for Comment, what lies between <!--
	// and -->; for ProcInst, the instruction after the target and the
	// white space that follows it; for Directive, what lies between <!
	// and >. The last three are as written.
	Text string
}

// Error is a document that is not well-formed: where the problem is
// found, and what it is.
type Error struct {
	Offset int // in the input
	Err    error
}

func (e *Error) Error() string { return fmt.Sprintf("offset %d: %v", e.Offset, e.Err) }

// Unwrap returns what the problem is.
func (e *Error) Unwrap() error { return e.Err }

// Rules of XML 1.0 and of Namespaces in XML 1.0 that xmltok enforces
// and encoding/xml does not. An Error that breaks one of them wraps a
// ruleError, for which errors.Is reports the rule.
var (
	errDocument       = errors.New("one root element, and outside it only comments, PIs and white space") // XML §2.1 [1], §2.8 [22] [27]
	errXMLDecl        = errors.New("the XML declaration")                                                 // XML §2.8 [23]–[26] [32], §4.3.3 [80]
	errDoctype        = errors.New("the document type declaration")                                       // XML §2.8 [28]
	errPI             = errors.New("processing instruction targets")                                      // XML §2.6 [16] [17]; Namespaces §7
	errChar           = errors.New("legal characters")                                                    // XML §2.2 [2], §4.1 WFC: Legal Character
	errAttrSpace      = errors.New("white space before each attribute")                                   // XML §3.1 [40] [44]
	errUniqueAttr     = errors.New("unique attributes")                                                   // XML §3.1 WFC: Unique Att Spec; Namespaces §6.3
	errPrefixDeclared = errors.New("declared prefixes")                                                   // Namespaces §5 NSC: Prefix Declared
	errQName          = errors.New("qualified names")                                                     // Namespaces §3 [7], §7
	errNSDecl         = errors.New("namespace declarations and reserved prefixes")                        // Namespaces §3
)

// ruleError is a problem that breaks one of the rules above.
type ruleError struct {
	msg  string
	rule error
}

func (e *ruleError) Error() string { return e.msg }
func (e *ruleError) Unwrap() error { return e.rule }

// fail returns a well-formedness error at off.
func fail(off int, format string, args ...any) error {
	return &Error{Offset: off, Err: fmt.Errorf(format, args...)}
}

// breaks returns an error at off that breaks rule.
func breaks(off int, rule error, format string, args ...any) error {
	return &Error{Offset: off, Err: &ruleError{msg: fmt.Sprintf(format, args...), rule: rule}}
}
