package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// buildVersion is what the binary knows of its build: the module version
// (or "(devel)"), the VCS revision and time, whether the tree had
// uncommitted changes, and the Go version.
type buildVersion struct {
	Version  string `json:"version"`
	Revision string `json:"revision,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
}

// readBuildVersion reads the version from the build information of the
// running binary.
func readBuildVersion() buildVersion {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

// versionOf reads the version from bi (nil: nothing known).
func versionOf(bi *debug.BuildInfo) buildVersion {
	v := buildVersion{Version: "(devel)", Go: "unknown"}
	if bi == nil {
		return v
	}
	if bi.Main.Version != "" {
		v.Version = bi.Main.Version
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// line says the version on one line in the user's language:
//
//	hall v1.2.0 (commit 0123456789ab, 2026-11-30T08:00:00Z), go1.26.8
//	hall (devel) (commit 0123456789ab, 2026-11-30T08:00:00Z, modified), go1.26.8
//	hall (devel) (no version control information: built outside a checkout, with go run or -buildvcs=false), go1.26.8
func (a *app) versionLine(v buildVersion) string {
	var parts []string
	if v.Revision != "" {
		parts = append(parts, a.t("提交 ", "commit ")+shortRevision(v.Revision))
	}
	if v.Time != "" {
		parts = append(parts, v.Time)
	}
	if v.Modified {
		parts = append(parts, a.t("含未提交的改动", "modified"))
	}
	if len(parts) == 0 && v.Version == "(devel)" {
		parts = append(parts, a.t("无版本控制信息：在代码库外、以 go run 或 -buildvcs=false 构建", "no version control information: built outside a checkout, with go run or -buildvcs=false"))
	}
	line := "hall " + v.Version
	if len(parts) > 0 {
		line += a.t("（", " (") + strings.Join(parts, a.t("，", ", ")) + a.t("）", ")")
	}
	return line + a.t("，", ", ") + v.Go
}

// shortRevision is the first 12 characters of a commit hash.
func shortRevision(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

func (a *app) newVersionCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: a.t("显示版本：模块版本、提交、构建时间、Go 版本", "Show the version: module version, commit, build time, Go version"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := readBuildVersion()
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), v)
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.versionLine(v))
			return nil
		},
	}
	a.jsonFlag(cmd, &asJSON)
	return cmd
}
