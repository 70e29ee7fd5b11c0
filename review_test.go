package xport

import (
	"bytes"
	"context"
	"flag"
	"html"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xport/xport/internal/needs"
)

var updateShot = flag.Bool("update-screenshot", false, "write the review view's screenshot for the README to docs/")

// browser finds headless Chromium: XPORT_CHROMIUM, else chromium on the
// PATH (Debian's package), else the names other systems give it.
func browser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("XPORT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	needs.Skip(t, "no Chromium (install Debian's chromium, or set XPORT_CHROMIUM): the review view is not checked in a browser")
	return ""
}

// runBrowser runs headless Chromium on page with args, as the machine's
// closed network wants it: no background requests, a fresh profile.
func runBrowser(t *testing.T, chromium, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, chromium, append(append(base, args...), page)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", chromium, err, stderr.Bytes())
	}
	return out
}

// TestReviewInBrowser opens NAME.html of the sample release and of the
// sample conflict minerals report in headless Chromium: after the page's
// script ran, every fact read from a place in the document is
// highlighted there (data-xport-facts counts them), every figure not
// mapped is marked, and the address #fact=ID shows a known fact's
// concept, period and value in the panel. On the release it also takes
// a screenshot and finds the highlight's and the panel's colours on it;
// with -update-screenshot it writes that screenshot to docs/review.png
// for the README.
func TestReviewInBrowser(t *testing.T) {
	chromium := browser(t)
	for _, tc := range []struct {
		in, cik string
		// the known fact: its concept, period and typed member, and where
		// the document prints it, typed from the document
		concept, period, member string
		value                   string
		line, col               int
		panel                   []string
		shot                    bool
	}{
		// testdata/infinera-q4-2012.txt line 67: "Total revenue  128,064"
		// in the first column, three months ended December 29, 2012, in
		// thousands.
		{in: sample, cik: "1138639", concept: "us-gaap:Revenues", period: "2012-09-30..2012-12-29", value: "128064000", line: 67, col: 27,
			panel: []string{"us-gaap:Revenues (Revenues)", "period 2012-09-30 to 2012-12-29", "unit iso4217:USD, decimals -3", "value 128064000", "row Total revenue"},
			shot:  true},
		// testdata/infinera-sd-2014.txt line 141: "Gold<TAB>Advanced
		// Chemical Company<TAB>", the list's first facility, no mark.
		{in: sdSample, cik: "1138639", concept: "cmr:SmelterName", period: "2014-01-01..2014-12-31", member: "1", value: "Advanced Chemical Company", line: 141, col: 6,
			panel: []string{"cmr:SmelterName", "cmr:FacilityAxis = 1", "value Advanced Chemical Company", "cmr:SmelterConflictFreeMark", "value false"}},
	} {
		t.Run(filepath.Base(tc.in), func(t *testing.T) {
			res := convertFile(t, tc.in, Options{CIK: tc.cik, Formats: []string{FormatIXBRL}})
			if !res.Valid() {
				t.Fatalf("invalid: %v", res.Diagnostics)
			}
			name := strings.TrimSuffix(filepath.Base(tc.in), ".txt") + ".html"
			page := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(page, file(t, res, name), 0o644); err != nil {
				t.Fatal(err)
			}
			id, placedFacts := "", 0
			for _, f := range res.Report.Facts {
				if f.Source.IsValid() && f.Source.File == res.Document.Name {
					placedFacts++
				}
				if f.Concept.QName() == tc.concept && f.Period.String() == tc.period && (tc.member == "" && len(f.Dims) == 0 || len(f.Dims) == 1 && f.Dims[0].Typed == tc.member) {
					if f.ValueString() != tc.value || f.Source.Line != tc.line || f.Source.Col != tc.col {
						t.Fatalf("%s = %s at %s, want %s at line %d, column %d", tc.concept, f.ValueString(), f.Source, tc.value, tc.line, tc.col)
					}
					id = f.ID
				}
			}
			if id == "" {
				t.Fatalf("no %s %s among the facts", tc.concept, tc.period)
			}
			address := (&url.URL{Scheme: "file", Path: page, Fragment: "fact=" + id}).String()

			dom := runBrowser(t, chromium, address, "--dump-dom")
			body := regexp.MustCompile(`<body data-xport-facts="(\d+)" data-xport-places="(\d+)" data-xport-unmapped="(\d+)"`).FindSubmatch(dom)
			if body == nil {
				t.Fatalf("the script did not run: no counts on <body> in\n%.2000s", dom)
			}
			facts, _ := strconv.Atoi(string(body[1]))
			places, _ := strconv.Atoi(string(body[2]))
			if facts != placedFacts || places < facts {
				t.Errorf("%d facts highlighted at %d places; %d facts have a place in the document", facts, places, placedFacts)
			}
			unmapped := 0
			for _, u := range res.Report.Unmapped {
				if u.Pos.IsValid() {
					unmapped++
				}
			}
			if n, _ := strconv.Atoi(string(body[3])); n != unmapped {
				t.Errorf("%d figures marked as not mapped, want %d", n, unmapped)
			}
			tip := regexp.MustCompile(`<div id="xport-tip" role="tooltip"( hidden="")?[^>]*>([^<]*)</div>`).FindSubmatch(dom)
			switch {
			case tip == nil:
				t.Errorf("no panel in the page")
			case len(tip[1]) > 0:
				t.Errorf("the panel is hidden: #fact=%s did not show it", id)
			default:
				for _, want := range tc.panel {
					if !strings.Contains(html.UnescapeString(string(tip[2])), want) {
						t.Errorf("the panel says %q, want %q in it", tip[2], want)
					}
				}
			}
			if tc.shot {
				screenshot(t, chromium, address)
			}
		})
	}
}

// screenshot takes the review page at address in a window tall enough
// for the fact not to need scrolling, and finds the highlight (#fff1a8)
// and the panel (#1f2937) on it.
func screenshot(t *testing.T, chromium, address string) {
	shot := filepath.Join(t.TempDir(), "review.png")
	runBrowser(t, chromium, address, "--window-size=1100,1500", "--screenshot="+shot)
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if n := countColour(img, color.RGBA{0xff, 0xf1, 0xa8, 0xff}); n < 500 {
		t.Errorf("%d pixels of the highlight's colour in the screenshot", n)
	}
	if n := countColour(img, color.RGBA{0x1f, 0x29, 0x37, 0xff}); n < 500 {
		t.Errorf("%d pixels of the panel's colour in the screenshot", n)
	}
	if *updateShot {
		if err := os.WriteFile(filepath.Join("docs", "review.png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// countColour counts the pixels of img that are c.
func countColour(img image.Image, c color.RGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == c.R && uint8(g>>8) == c.G && uint8(bl>>8) == c.B {
				n++
			}
		}
	}
	return n
}
