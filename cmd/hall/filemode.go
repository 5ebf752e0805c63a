package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/rongjiuzhu/hall/casefile"
)

// tightenDB makes an existing database file readable by its owner only
// (0600): a file others may read is tightened, with a note on note; one
// that cannot be tightened (another user owns it) is refused with the
// reason. A file not yet there is created 0600 by the store.
func (a *app) tightenDB(path string, note io.Writer) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || err != nil {
		return nil // the store reports what is wrong with the path
	}
	perm := fi.Mode().Perm()
	if perm&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return casefile.ErrDatabaseOpen.Withf("%s 其他用户可以读取（权限 %04o），且无法改为仅所有者可读（0600）：%v；请由文件所有者运行 chmod 600",
			"%s can be read by other users (mode %04o) and cannot be made private (0600): %v; have its owner run chmod 600", path, perm, err)
	}
	if note == nil {
		note = io.Discard
	}
	fmt.Fprintf(note, a.t("hall：%s 原先其他用户可以读取（权限 %04o），已改为仅所有者可读（0600）\n",
		"hall: %s could be read by other users (mode %04o); made private (0600)\n"), path, perm)
	return nil
}
