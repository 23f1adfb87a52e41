package report

import (
	"io"
	"testing"
)

func BenchmarkAssessmentPDF(b *testing.B) {
	a := fullAssessment(b)
	for b.Loop() {
		if err := AssessmentPDF(io.Discard, a, nil, "zh"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssessmentXLSX(b *testing.B) {
	a := fullAssessment(b)
	for b.Loop() {
		if err := AssessmentXLSX(io.Discard, a, nil, "zh"); err != nil {
			b.Fatal(err)
		}
	}
}
