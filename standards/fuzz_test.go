package standards

import (
	"errors"
	"os"
	"reflect"
	"testing"
)

// FuzzParse checks that no upload can crash the loader and that whatever it
// accepts survives the canonical round trip.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"valid.yaml", "broken.yaml", "missing.yaml", "syntax.yaml"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("id: [\n"))
	f.Add([]byte("{id: x, sections: [{items: [{weight: .inf}]}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		out, err := Marshal(s)
		if err != nil {
			t.Fatalf("accepted standard does not marshal: %v", err)
		}
		back, err := Parse("fuzz.yaml", out)
		if err != nil || !reflect.DeepEqual(back, s) {
			t.Fatalf("round trip failed: %v", err)
		}
	})
}
