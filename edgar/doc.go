// Package edgar reads the submission text files that EDGAR serves for a
// filing (the ".txt" of an accession) and splits them into their header and
// documents, so the documents xport converts can be picked out by type.
//
// A submission is SGML-wrapped text. An abridged 8-K:
//
//	<SEC-DOCUMENT>0009999999-13-000042.txt : 20130205
//	<SEC-HEADER>0009999999-13-000042.hdr.sgml : 20130205
//	ACCESSION NUMBER:		0009999999-13-000042
//	CONFORMED SUBMISSION TYPE:	8-K
//	CONFORMED PERIOD OF REPORT:	20130205
//	FILED AS OF DATE:		20130205
//	FILER:
//		COMPANY DATA:
//			COMPANY CONFORMED NAME:	Lumen Harbor Optics Corp
//			CENTRAL INDEX KEY:	0009999999
//	</SEC-HEADER>
//	<DOCUMENT>
//	<TYPE>EX-99.1
//	<SEQUENCE>2
//	<FILENAME>dex991.txt
//	<TEXT>
//	Lumen Harbor Optics Reports Fourth Quarter 2012 Results
//	...
//	</TEXT>
//	</DOCUMENT>
//	</SEC-DOCUMENT>
//
// Parse gives a Submission whose Header has FormType "8-K", CIK
// "0009999999" (the first company block of the header, whose section Role
// names) and the dates, and whose Documents hold one Document of Type
// "EX-99.1", Kind "release", with Text the lines between <TEXT> and
// </TEXT>. Document.FirstLine is the submission line Text starts on, so a
// position found in a document maps back to the submission: line n of Text
// is line FirstLine+n-1 of the file.
//
// Graphics, PDFs and archives are uuencoded inside <TEXT> ("begin 644
// logo.jpg"), sometimes within <PDF> tags; such documents are marked Binary
// and left out of Submission.Convertible.
//
// Tags are matched without regard to case, lines may end in CRLF, and the
// input is read in place: Text is a subslice of the input, and a line of
// any length costs only a scan for its end. A submission cut short is kept
// as far as it goes, with Truncated set on the document that ends early,
// and reported as an *Error wrapping ErrTruncated; input with no
// submission markup at all is an *Error wrapping ErrNotSubmission.
package edgar
