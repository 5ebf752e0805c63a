package casefile

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding is the text encoding an import file was read in.
type Encoding string

// Encodings of import files.
const (
	EncodingUTF8    Encoding = "UTF-8"
	EncodingGB18030 Encoding = "GB18030"
)

var utf8BOM = []byte("\ufeff")

// decodeImportText returns the text of an import file as UTF-8. A UTF-8
// file (with or without a BOM) is returned as it is. A file that is not
// UTF-8 is what Excel and WPS save as "CSV" on Chinese Windows: GBK or
// GB18030; it is decoded when it decodes cleanly and looks like it (more
// bytes that are not UTF-8 than characters that are). A UTF-8 file with
// a few bad bytes is refused, naming each line that has one: the bytes
// are never dropped or stored as mojibake. Any other file is refused.
func decodeImportText(data []byte) ([]byte, Encoding, []ImportProblem) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return data, EncodingUTF8, nil
	}
	good, bad := utf8Census(data)
	if bad > good {
		if text, ok := decodeGB18030(data); ok {
			return bytes.TrimPrefix(text, utf8BOM), EncodingGB18030, nil
		}
	}
	if good == 0 || bad > good {
		return nil, "", []ImportProblem{{Line: firstBadLine(data), Text: T(
			"文件不是 UTF-8 编码，也不是 GBK/GB18030 编码，无法读取。请在 Excel 或 WPS 中“另存为”，选择“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入",
			"the file is not UTF-8 text, nor GBK/GB18030, and cannot be read. In Excel or WPS use Save As, choose \"CSV UTF-8 (Comma delimited)\" or .xlsx, and import again")}}
	}
	var probs []ImportProblem
	line, col := 1, 1
	lastBadLine := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 && line != lastBadLine {
			probs = append(probs, ImportProblem{Line: line, Text: T(
				"第 %d 个字符处的字节 0x%02X 不是 UTF-8（文件其余部分是 UTF-8）：请检查这一行的文字，重新保存为 UTF-8 后再导入",
				"at character %d, byte 0x%02X is not UTF-8 (the rest of the file is): check this line's text, save the file as UTF-8 again and re-import",
				col, data[i])})
			lastBadLine = line
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		i += size
	}
	return nil, "", probs
}

// utf8Census weighs how much of data looks like UTF-8 text: good counts
// its characters of three or four bytes (Chinese text in UTF-8), and its
// two-byte ones (Latin accents, Greek, Cyrillic) as half, because GBK
// byte pairs often happen to form those; bad counts the bytes that are
// not part of any UTF-8 character.
func utf8Census(data []byte) (good, bad int) {
	two := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size == 2:
			two++
		case size > 2:
			good++
		}
		i += size
	}
	return good + two/2, bad
}

// decodeGB18030 decodes data as GB18030 (a superset of GBK and GB2312);
// ok is false when some bytes are not GB18030 either.
func decodeGB18030(data []byte) ([]byte, bool) {
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(text) || bytes.ContainsRune(text, utf8.RuneError) {
		return nil, false
	}
	return text, true
}

// firstBadLine is the 1-based line of the first byte that is not UTF-8.
func firstBadLine(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}
