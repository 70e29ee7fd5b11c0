package main

import (
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/xport/xport"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/htmltext"
	"github.com/xport/xport/source"
)

func tablesCommand() *cli.Command {
	return &cli.Command{
		Name:      "tables",
		Usage:     "print the tables xport reads in a text document, as it reads them",
		ArgsUsage: "FILE",
		Description: `Prints each table found in FILE: its title, scale, columns with their
headings and periods, and every row with its kind, section, position and
cells, then the diagnostics of reading them. It shows what the extract
stage sees, before any mapping; the whole file is read as text.

Exit codes: 0 printed; 2 usage error or unreadable input.`,
		Action: tablesAction,
	}
}

func tablesAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError("tables: want one FILE, got %d arguments", c.NArg())
	}
	name := c.Args().First()
	f, err := os.Open(name)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	defer f.Close()
	data, err := source.ReadAll(filepath.Base(name), f)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	if xport.IsHTML(data) {
		// As convert reads it: the text its tables render as (positions
		// here are of the rendering).
		data = htmltext.Render(data).Text
	}
	doc, err := source.Parse(filepath.Base(name), data)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	tables, diags := extract.Tables(doc)
	out := c.App.Writer
	for _, t := range tables {
		t.Format(out)
	}
	for _, d := range diags {
		if _, err := out.Write([]byte(d.String() + "\n")); err != nil {
			return err
		}
	}
	return nil
}
