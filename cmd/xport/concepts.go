package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/xport/xport/schema"
)

func conceptsCommand() *cli.Command {
	return &cli.Command{
		Name:  "concepts",
		Usage: "list the concept catalogue: every concept xport can report",
		Description: `Prints each concept's prefixed name, item type, period type, balance and
standard label, one a line, or as JSON with --json. --prefix keeps the
concepts of one taxonomy (us-gaap, dei).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "prefix", Usage: "only concepts with this prefix"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON instead of a table"},
		},
		Action: conceptsAction,
	}
}

func conceptsAction(c *cli.Context) error {
	cat, _, err := schema.Default()
	if err != nil {
		return err
	}
	entries := cat.Entries(c.String("prefix"))
	out := c.App.Writer
	if c.Bool("json") {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "CONCEPT\tTYPE\tPERIOD\tBALANCE\tLABEL")
	for _, e := range entries {
		typ := e.Type
		if e.Abstract && !strings.Contains("axis hypercube domain", typ) {
			typ = "abstract"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", e.Concept, typ, e.PeriodType, e.Balance, e.Label)
	}
	return w.Flush()
}
