package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst moves a subcommand's flags ahead of its arguments, so that
// "xport convert FILE -o DIR" works as well as "xport convert -o DIR FILE"
// (urfave/cli stops reading flags at the first argument). A "--" ends
// the flags; what follows it stays in place.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	cmd := app.Command(args[1])
	at := 2 // index of the first argument after the command path
	for cmd != nil && at < len(args) {
		sub := cmd.Command(args[at])
		if sub == nil {
			break
		}
		cmd, at = sub, at+1
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, rest []string
	for i := at; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if takesValue[name] && !strings.Contains(name, "=") && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			rest = append(rest, a)
		}
	}
	out := append(append([]string(nil), args[:at]...), flags...)
	return append(out, rest...)
}

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageError(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, args...)}
}

// run runs xport with the given arguments and streams and returns the
// exit code, so tests can run the whole command in process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &cli.App{
		Name:      "xport",
		Usage:     "convert text financial disclosures into XBRL 2.1 and xBRL-JSON",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands:  []*cli.Command{convertCommand(), validateCommand(), conceptsCommand(), schemaCommand(), tablesCommand()},
		ExitErrHandler: func(*cli.Context, error) {
			// run reports errors and picks the exit code itself.
		},
		Description: "Exit codes: 0 success; 1 the input was read but the report is invalid (nothing is written); 2 usage error or unreadable input.",
	}
	err := app.Run(flagsFirst(app, args))
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "xport:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return exitUsage
}
