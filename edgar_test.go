package xport

import (
	"strings"
	"testing"
)

// TestEDGARSubmissions converts EDGAR submission files: the release
// exhibit or the Form SD with its exhibit is converted, the header's CIK
// identifies the entity, and positions name lines of the submission.
func TestEDGARSubmissions(t *testing.T) {
	tests := []struct {
		file       string
		facts      int
		entity     string
		source     string // the source of the first fact
		facilities int
	}{
		{"testdata/edgar/release-8k.txt", 9, "0009999999", "release-8k.txt:59:", 0},
		{"testdata/edgar/minerals-sd.txt", 17, "0009999997", "", 3},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := convertFile(t, tt.file, Options{})
			if !res.Valid() {
				t.Fatalf("invalid: %v", res.Diagnostics)
			}
			if len(res.Report.Facts) != tt.facts || res.Report.Entity.ID != tt.entity {
				t.Errorf("%d facts for entity %s, want %d for %s", len(res.Report.Facts), res.Report.Entity.ID, tt.facts, tt.entity)
			}
			if tt.source != "" && !strings.HasPrefix(res.Report.Facts[0].Source.String(), tt.source) {
				t.Errorf("first fact at %s, want %s...", res.Report.Facts[0].Source, tt.source)
			}
			if tt.facilities > 0 && (res.Minerals == nil || len(res.Minerals.Facilities) != tt.facilities) {
				t.Errorf("facilities: %+v", res.Minerals)
			}
			for _, d := range res.Diagnostics {
				if d.Code == "map.noCIK" {
					t.Errorf("the header's CIK was not used: %v", d)
				}
			}
		})
	}
}

// TestSubmissionWithoutRelease: a submission with nothing to convert is an
// error that names what it holds.
func TestSubmissionWithoutRelease(t *testing.T) {
	text := "<SEC-DOCUMENT>x\n<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.jpg\nend\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
	_, err := Convert("logo.txt", strings.NewReader(text), Options{})
	if err == nil || !strings.Contains(err.Error(), "holds GRAPHIC") || !strings.HasPrefix(err.Error(), "logo.txt:1:1:") {
		t.Errorf("err = %v", err)
	}
}
