package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/xport/xport"
	"github.com/xport/xport/schema"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print or write the schemas xport generates",
		Subcommands: []*cli.Command{
			{
				Name:      "json",
				Usage:     "the JSON Schema of a JSON document xport writes, generated from its Go types",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "document", Aliases: []string{"d"}, Value: "xbrl-json", Usage: "which document: " + documentNames()},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to this file instead of stdout"},
				},
				Action: schemaJSONAction,
			},
			{
				Name:      "taxonomy",
				Usage:     "the extension taxonomy of a document: schema and label, presentation, calculation and definition linkbases",
				ArgsUsage: "FILE",
				Flags:     []cli.Flag{&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: ".", Usage: "directory to write the files to"}},
				Action:    schemaTaxonomyAction,
			},
		},
	}
}

func schemaJSONAction(c *cli.Context) error {
	name := c.String("document")
	if !slices.ContainsFunc(schema.Documents, func(d schema.Document) bool { return d.Name == name }) {
		return usageError("schema json: no document %q; want one of %s", name, documentNames())
	}
	b, err := schema.DocumentSchema(name)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if path := c.String("output"); path != "" {
		return os.WriteFile(path, b, 0o644)
	}
	_, err = c.App.Writer.Write(b)
	return err
}

func documentNames() string {
	var names []string
	for _, d := range schema.Documents {
		names = append(names, d.Name)
	}
	return strings.Join(names, ", ")
}

func schemaTaxonomyAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError("schema taxonomy: want one FILE, got %d arguments", c.NArg())
	}
	path := c.Args().First()
	f, err := os.Open(path)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	defer f.Close()
	res, err := xport.Convert(path, f, xport.Options{})
	if err != nil {
		return &exitError{exitUsage, err}
	}
	cat, _, err := schema.Default()
	if err != nil {
		return err
	}
	files, err := schema.Taxonomy(res.Report, cat)
	if err != nil {
		return err
	}
	dir := c.String("output")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, file := range files {
		p := filepath.Join(dir, file.Name)
		if err := os.WriteFile(p, file.Data, 0o644); err != nil {
			return err
		}
		fmt.Fprintln(c.App.Writer, p)
	}
	return nil
}
