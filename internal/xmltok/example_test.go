package xmltok_test

import (
	"errors"
	"fmt"
	"io"

	"github.com/xport/xport/internal/xmltok"
)

func Example() {
	doc := []byte("<?xml version=\"1.0\"?>\n<x:a xmlns:x=\"urn:x\" id=\"7\">R&amp;D</x:a>")
	t := xmltok.New(doc)
	for {
		tok, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		switch tok.Kind {
		case xmltok.StartElement:
			fmt.Printf("%v at %d: %v %v\n", tok.Kind, tok.Offset, tok.Name, tok.Attr)
		case xmltok.EndElement:
			fmt.Printf("%v at %d: %v\n", tok.Kind, tok.Offset, tok.Name)
		default:
			fmt.Printf("%v at %d: %q %q\n", tok.Kind, tok.Offset, tok.Name.Local, tok.Text)
		}
	}
	// Output:
	// processing instruction at 0: "xml" "version=\"1.0\""
	// char data at 21: "" "\n"
	// start element at 22: {urn:x a} [{{xmlns x} urn:x} {{ id} 7}]
	// char data at 50: "" "R&D"
	// end element at 57: {urn:x a}
}

func ExampleError() {
	doc := []byte(`<!DOCTYPE a [<!ENTITY lol "lol">]><a>&lol;</a>`)
	t := xmltok.New(doc)
	for {
		_, err := t.Next()
		var e *xmltok.Error
		if errors.As(err, &e) {
			fmt.Printf("at offset %d: %v\n", e.Offset, e.Err)
			return
		}
	}
	// Output:
	// at offset 37: entity reference &lol; is not one of &lt; &gt; &amp; &apos; &quot; (entities a DTD declares are not expanded)
}
