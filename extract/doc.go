// Package extract is the extract stage: it finds the fixed-width tables in
// a document's lines and reads them into columns, rows and cells, each
// with its source position.
//
// Tables are found from layout, never from wording. Each line is
// classified once (blank, rule, figures, text, page furniture); a body is
// a run of lines whose figures stand apart from their labels, down to
// prose or headings that reach into the figures' columns, a footnote, a
// page break or a gap; its columns are where its figures end (fixed-width
// tables and pdftotext align figures on the right); its heading band is
// the lines above with phrases over those columns, and its title the
// lines above that. Vocabulary only turns headings into periods. From
//
//	                         Three Months Ended
//	                     --------------------------
//	                     December 29,  December 31,
//	                         2012          2011
//	                     ------------  ------------
//	Revenue:
//	  Product            $    109,051  $     93,025
//	  Ratable product
//	   and related                393           593
//	                     ------------  ------------
//	    Total revenue         109,444        93,618
//
// it reads two columns headed "Three Months Ended December 29, 2012" and
// "... December 31, 2011" (a heading that spans columns applies to each
// of them), a Heading row "Revenue:", a DataRow "Product" with cells
// 109051 and 93025, the wrapped label "Ratable product and related", and
// a total row (a single rule above it) "Total revenue". Columns are found
// from where the figures end, since fixed-width tables align figures on
// the right; a figure that lines up with no column is kept in
// Table.Unaligned and reported, never dropped.
//
// Extraction does not decide what rows mean; that is the map stage's job.
package extract
