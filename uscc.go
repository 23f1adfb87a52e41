package pinggu

import "strings"

// usccAlphabet is the character set of GB 32100-2015; I, O, S, V and Z are
// left out so codes cannot be misread.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCCheckChar computes the check character of the first 17 characters of a
// unified social credit code.
func USCCCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * usccWeights[i]
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return usccAlphabet[c], true
}

// ValidateUSCC checks a unified social credit code (统一社会信用代码) against
// GB 32100-2015: 18 characters from the standard alphabet, a six-digit
// administrative division code in positions 3–8 and a correct check character.
// The message says what is wrong, in Chinese, for the officer who typed it.
func ValidateUSCC(code string) error {
	if len(code) != 18 {
		return Errorf(EINVALID, "统一社会信用代码应为18位，实际为%d位", len([]rune(code)))
	}
	for i := 0; i < 18; i++ {
		if strings.IndexByte(usccAlphabet, code[i]) < 0 {
			return Errorf(EINVALID, "统一社会信用代码第%d位字符“%c”不合法（不得使用I、O、S、V、Z及小写字母）", i+1, rune(code[i]))
		}
	}
	for i := 2; i < 8; i++ {
		if code[i] < '0' || code[i] > '9' {
			return Errorf(EINVALID, "统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）")
		}
	}
	want, _ := USCCCheckChar(code[:17])
	if code[17] != want {
		return Errorf(EINVALID, "统一社会信用代码校验位错误：按GB 32100-2015应为“%c”，实际为“%c”", want, code[17])
	}
	return nil
}

// NormalizeUSCC trims spaces and upper-cases a code as typed.
func NormalizeUSCC(code string) string {
	return strings.ToUpper(strings.TrimSpace(code))
}
