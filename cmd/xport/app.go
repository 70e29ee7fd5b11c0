package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/xport/xport/source"
)

// flagsFirst moves a subcommand's flags ahead of its arguments, so that
// "xport convert FILE -o DIR" works as well as "xport convert -o DIR FILE"
// (urfave/cli stops reading flags at the first argument). A "--" ends
// the flags; what follows it stays in place.
func flagsFirst(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
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
		return args, nil
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
			if takesValue[name] && !strings.Contains(name, "=") {
				if i+1 == len(args) {
					return nil, usageError("%s: %s needs a value", cmd.Name, flagName(name))
				}
				i++
				flags = append(flags, args[i])
			}
		default:
			rest = append(rest, a)
		}
	}
	out := append(append([]string(nil), args[:at]...), flags...)
	return append(out, rest...), nil
}

// flagName spells a flag as its help does: --name, or -n for one letter.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// usageMessage rewrites the flag package's errors in the help's words:
// "flag provided but not defined: -bogus" is "unknown flag --bogus".
func usageMessage(cmd string, err error) error {
	msg := err.Error()
	help := "xport --help"
	if cmd != "" {
		help = "xport " + cmd + " --help"
	}
	for prefix, format := range map[string]string{
		"flag provided but not defined: ": "unknown flag %s (%s lists the flags)",
		"flag needs an argument: ":        "%s needs a value (%s)",
	} {
		if name, ok := strings.CutPrefix(msg, prefix); ok {
			return usageError(format, flagName(strings.TrimLeft(name, "-")), help)
		}
	}
	return usageError("%s (%s)", msg, help)
}

// exitCodes ends every command's help.
const exitCodes = `Exit codes: 0 success; 1 a document was read but its report is invalid or
empty (nothing is written for it); 2 the command could not do its work: a
usage error, an input that cannot be read (missing, too large, not text) or an
output that cannot be written. With several documents, the worst of theirs.`

// version is the module's version and the commit it was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += " (commit " + rev[:min(12, len(rev))] + modified + ")"
	}
	return v
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

// maxSizeFlag is --max-size, the same for every command that reads.
func maxSizeFlag() cli.Flag {
	return &cli.Int64Flag{Name: "max-size", Value: source.DefaultMaxSize >> 20, Usage: "refuse a file larger than this many MiB"}
}

// maxSize is --max-size in bytes.
func maxSize(c *cli.Context) int64 {
	mib := c.Int64("max-size")
	if mib <= 0 || mib > math.MaxInt64>>20 {
		return source.DefaultMaxSize
	}
	return mib << 20
}

func usageError(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, args...)}
}

// unknownCommand refuses a first argument that names no command.
func unknownCommand(app *cli.App, args []string) error {
	if len(args) < 2 || strings.HasPrefix(args[1], "-") || args[1] == "help" || args[1] == "h" || app.Command(args[1]) != nil {
		return nil
	}
	var names []string
	for _, c := range app.Commands {
		names = append(names, c.Name)
	}
	return usageError("unknown command %q; the commands are %s (xport --help)", args[1], strings.Join(names, ", "))
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
		Description: exitCodes,
		Version:     version(),
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageMessage("", err)
		},
	}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: "print the version and the commit it was built from"}
	for _, cmd := range app.Commands {
		name := cmd.Name
		cmd.OnUsageError = func(_ *cli.Context, err error, _ bool) error { return usageMessage(name, err) }
		if !strings.Contains(cmd.Description, "Exit codes") {
			cmd.Description = strings.TrimSpace(cmd.Description + "\n\n" + exitCodes)
		}
	}
	err := unknownCommand(app, args)
	if err == nil {
		args, err = flagsFirst(app, args)
	}
	if err == nil {
		err = app.Run(args)
	}
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
