package main

import (
	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// The shell completion of flag values (hall completion bash|zsh|fish|
// powershell writes the script). Each value comes with its name in the
// user's language as the description.

// completeStatus completes --status with the case statuses.
func (a *app) completeStatus(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	out := make([]cobra.Completion, 0, len(casefile.Statuses))
	for _, s := range casefile.Statuses {
		out = append(out, cobra.CompletionWithDesc(string(s), s.Label(a.lang)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeRole completes --role with the users' roles.
func (a *app) completeRole(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	out := make([]cobra.Completion, 0, len(casefile.Roles))
	for _, r := range casefile.Roles {
		out = append(out, cobra.CompletionWithDesc(string(r), r.Label(a.lang)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeLang completes --lang.
func (a *app) completeLang(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{
		cobra.CompletionWithDesc(string(casefile.ZH), "中文"),
		cobra.CompletionWithDesc(string(casefile.EN), "English"),
	}, cobra.ShellCompDirectiveNoFileComp
}

// completeProject completes --project with the project codes of the
// catalogue (--catalog, HALL_CATALOG or the embedded one).
func (a *app) completeProject(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cat, err := a.catalog()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	out := make([]cobra.Completion, 0, len(cat.Projects))
	for _, p := range cat.Projects {
		out = append(out, cobra.CompletionWithDesc(p.Code, p.Label(a.lang)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeDepartment completes --department with the department keys of
// the catalogue.
func (a *app) completeDepartment(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cat, err := a.catalog()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	out := make([]cobra.Completion, 0, len(cat.Departments))
	for _, d := range cat.Departments {
		out = append(out, cobra.CompletionWithDesc(d.Key, d.Label(a.lang)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeCatalogFlags registers the completion of --project and
// --department on cmd.
func (a *app) completeCatalogFlags(cmd *cobra.Command) {
	cmd.RegisterFlagCompletionFunc("project", a.completeProject)
	cmd.RegisterFlagCompletionFunc("department", a.completeDepartment)
}
