// Command xport converts text financial disclosures into XBRL.
//
//	xport convert testdata/infinera-q4-2012.txt -o out
//
// See the README for every subcommand; exit codes are 0 for success, 1
// when the input converted but is invalid (nothing written), and 2 for
// usage errors and unreadable input.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
