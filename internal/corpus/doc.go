// Package corpus generates large, reproducible archives of text
// disclosures from a few templates, for benchmarks and batch tests.
//
// A template is a real-looking document that xport converts (the samples
// in testdata). Each generated document is one template made into another
// company's filing for another period:
//
//   - the words naming the company and its ticker become made-up ones of
//     the same length, in the same case (Infinera, INFINERA, infinera.com →
//     Valorida, VALORIDA, valorida.com);
//   - every year moves by the same number of years, and in a release every
//     month name by the same number of months (a fiscal year ending in
//     another month), never across a year end and never to a longer name,
//     so fixed-width tables keep their columns; days past a month's end are
//     clamped (December 31 → November 30);
//   - a quarter of the documents are wrapped in an EDGAR submission (an
//     8-K with the release as EX-99.1, or a Form SD) with a made-up CIK,
//     and templates that already are submissions get a new CIK.
//
// Amounts are left as they are: scaling them would move table columns or
// break the totals, and the benchmarks measure reading, not arithmetic.
//
// Document i depends only on the seed, i and the templates, so an archive
// can be generated in parts and any document regenerated alone:
//
//	ts, _ := corpus.ReadTemplates("testdata/corpus/templates.txt")
//	for doc := range corpus.Generate(ts, corpus.Options{Seed: 1, N: 1000}) {
//		os.WriteFile(filepath.Join(dir, doc.Name), doc.Data, 0o644)
//	}
package corpus
