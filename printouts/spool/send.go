package spool

import (
	"fmt"
	"os/exec"
	"strings"
	"unicode"

	"github.com/rongjiuzhu/hall/casefile"
)

// Send hands files to the print queue with "lp -d queue", one job each;
// queue "" sends nothing. Where there is no lp, the name is not a queue's
// or lp fails, the PDFs stay where they are and the error (a
// *NotSentError) names those not sent.
func Send(queue string, files []string) error {
	if queue == "" || len(files) == 0 {
		return nil
	}
	if strings.HasPrefix(queue, "-") || strings.ContainsFunc(queue, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("/#\\", r)
	}) {
		return &NotSentError{Queue: queue, Files: files, Why: casefile.T("打印机名称 %q 无效", "printer name %q is invalid", queue)}
	}
	lp, err := exec.LookPath("lp")
	if err != nil {
		return &NotSentError{Queue: queue, Files: files, Why: casefile.T("本机没有 lp 打印命令（CUPS；Debian/Ubuntu 请安装 cups-client）",
			"there is no lp command on this machine (CUPS; on Debian/Ubuntu install cups-client)")}
	}
	for i, f := range files {
		if out, err := exec.Command(lp, "-d", queue, "--", f).CombinedOutput(); err != nil {
			return &NotSentError{Queue: queue, Files: files[i:],
				Why: casefile.T("lp 出错（%v）%s", "lp failed (%v) %s", err, strings.TrimSpace(string(out)))}
		}
	}
	return nil
}

// NotSentError is a PDF written and recorded but not sent to the print
// queue.
type NotSentError struct {
	Queue string
	Files []string // the files not sent
	Why   casefile.Text
}

// Error returns the English message.
func (e *NotSentError) Error() string { return e.Message(casefile.EN) }

// Message says why the files were not sent and where they are, in lang.
func (e *NotSentError) Message(lang casefile.Lang) string {
	return fmt.Sprintf(casefile.Text{ZH: "%s：未送打印机 %s 的 PDF 已保存，可另行打印：%s",
		EN: "%s: the PDFs not sent to printer %s are saved, print them otherwise: %s"}.In(lang),
		e.Why.In(lang), e.Queue, strings.Join(e.Files, " "))
}
