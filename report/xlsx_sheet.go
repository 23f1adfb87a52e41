package report

import (
	"github.com/xuri/excelize/v2"
)

// xlsxStyles are the cell styles every sheet of a workbook shares.
type xlsxStyles struct {
	header, body, label int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    border,
	}); err != nil {
		return s, err
	}
	if s.body, err = f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    border,
	}); err != nil {
		return s, err
	}
	s.label, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    border,
	})
	return s, err
}

// tableSheet writes a header row and rows to sheet as a table people can sort
// and filter: frozen header, autofilter, set column widths, wrapped text.
func tableSheet(f *excelize.File, st xlsxStyles, sheet string, header []string, widths []float64, rows [][]any) error {
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	for i, r := range rows {
		cellRef, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cellRef, &r); err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(len(header), len(rows)+1)
	if err != nil {
		return err
	}
	lastHead, err := excelize.CoordinatesToCellName(len(header), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", lastHead, st.header); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := f.SetCellStyle(sheet, "A2", last, st.body); err != nil {
			return err
		}
	}
	if err := setWidths(f, sheet, widths); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func setWidths(f *excelize.File, sheet string, widths []float64) error {
	for i, w := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// newWorkbook returns a workbook whose first sheet is named first.
func newWorkbook(first string) (*excelize.File, xlsxStyles, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return nil, xlsxStyles{}, err
	}
	st, err := newXLSXStyles(f)
	return f, st, err
}
