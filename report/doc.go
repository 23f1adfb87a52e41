// Package report renders assessments as the documents officers send onward:
// a formal PDF report, XLSX workbooks and CSV lists, in Chinese (default) or
// English labels.
//
// The PDF needs no font file: Chinese text is set in STSong-Light, one of the
// standard Chinese CID fonts every PDF viewer provides (Adobe-GB1 ordering,
// UniGB-UCS2-H encoding), with a ToUnicode map so the text can be searched and
// copied exactly; Latin text is set in Helvetica, a standard PDF font.
package report
