package main

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

func TestVersionLine(t *testing.T) {
	zh, en := &app{lang: casefile.ZH}, &app{lang: casefile.EN}
	release := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/rongjiuzhu/hall", Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-30T08:00:00Z"},
			{Key: "vcs.modified", Value: "false"}}}
	dirty := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "fedcba9876543210"}, {Key: "vcs.modified", Value: "true"}}}
	bare := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}
	for _, c := range []struct {
		a    *app
		bi   *debug.BuildInfo
		want string
	}{
		{en, release, "hall v1.2.0 (commit 0123456789ab, 2026-11-30T08:00:00Z), go1.26.8"},
		{zh, release, "hall v1.2.0（提交 0123456789ab，2026-11-30T08:00:00Z），go1.26.8"},
		{en, dirty, "hall (devel) (commit fedcba987654, modified), go1.26.8"},
		{en, bare, "hall (devel) (no version control information: built outside a checkout, with go run or -buildvcs=false), go1.26.8"},
		{en, nil, "hall (devel) (no version control information: built outside a checkout, with go run or -buildvcs=false), unknown"},
	} {
		if got := c.a.versionLine(versionOf(c.bi)); got != c.want {
			t.Errorf("versionLine = %q\nwant          %q", got, c.want)
		}
	}
}

// hall --version and hall version say the same line, with the Go version
// of the binary; version --json has the fields.
func TestVersionCommand(t *testing.T) {
	flag := mustHall(t, "--lang", "en", "--version")
	cmd := mustHall(t, "--lang", "en", "version")
	if flag != cmd || !strings.HasPrefix(flag, "hall ") || !strings.Contains(flag, runtime.Version()) {
		t.Errorf("--version %q, version %q", flag, cmd)
	}
	var v buildVersion
	if err := json.Unmarshal([]byte(mustHall(t, "version", "--json")), &v); err != nil || v.Version == "" || v.Go != runtime.Version() {
		t.Errorf("version --json: %+v, %v", v, err)
	}
}
