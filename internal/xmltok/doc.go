// Package xmltok reads an XML 1.0 document held in memory as a stream of
// tokens, each at the byte offset where it starts, and stops at the
// first thing that keeps the document from being well-formed, with the
// offset where it is found. It is strict and non-validating: it reads
// no DTD, fetches nothing, and expands no entity but the five XML
// predefines.
//
// For the document
//
//	<?xml version="1.0"?>
//	<x:a xmlns:x="urn:x" id="7">R&amp;D</x:a>
//
// Next returns, in turn,
//
//	ProcInst      at  0: xml, "version=\"1.0\""
//	CharData      at 21: "\n"
//	StartElement  at 22: {urn:x a}, attributes {xmlns x}="urn:x" and {"" id}="7"
//	CharData      at 50: "R&D"
//	EndElement    at 57: {urn:x a}
//
// and then io.EOF.
//
// # What it accepts
//
// Every document xmltok reads, encoding/xml's Decoder reads too (with
// Strict set, as it is by default), and Next returns the tokens
// Decoder.Token returns: names with their namespace URI (an unprefixed
// attribute in none; xmlns attributes as they are written), references
// replaced, and in text and attribute values each line end (\r\n or \r)
// made \n. Attribute values are not otherwise normalised: a tab or a
// newline in one stays, as with encoding/xml, where XML 1.0 §3.3.3 would
// make it a space. Names are those of XML 1.0 fourth edition, Appendix B,
// as encoding/xml has them. Three differences: a byte order mark at the
// start is skipped, not text; a DOCTYPE is returned as written, comments
// in it included; and an element named xmlns without a prefix is in the
// default namespace.
//
// # What it rejects
//
// Everything encoding/xml rejects, and what else XML 1.0 and Namespaces
// in XML 1.0 require of a well-formed document:
//   - no root element, a second one, or anything but comments,
//     processing instructions and white space outside it;
//   - an XML declaration anywhere but at the start, or one that is
//     malformed, of a version other than 1.0 or an encoding other than
//     UTF-8 (the input is read as UTF-8);
//   - <! markup other than comments, CDATA sections and one
//     <!DOCTYPE name ...> before the root element;
//   - a processing instruction whose target is xml in any case (but the
//     declaration) or holds a colon, or has no space after its target;
//   - characters XML does not allow, or invalid UTF-8, in comments,
//     processing instructions and the DOCTYPE, and a character reference
//     to a surrogate;
//   - attributes not separated by white space, or two with the same name,
//     as written or as namespace and local name;
//   - an undeclared prefix, a name with a colon at either end, an empty
//     xmlns:p, and any binding of the reserved prefixes xml and xmlns or
//     of their namespaces other than the one they have.
//
// A DOCTYPE's declarations are not read: an entity it declares is not
// expanded, and a reference to one is an error, so that no document
// expands to more than it holds (a "billion laughs" document fails at
// its first reference).
//
// # Cost
//
// New copies the input once, into a string, and the strings of tokens
// are substrings of it wherever no reference was replaced and no line
// end normalised. A Token and its attributes are overwritten by the next
// call to Next.
package xmltok
