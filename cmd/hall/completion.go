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
	return keyedCompletions(casefile.Statuses, func(s casefile.Status) (string, string) { return string(s), s.Label(a.lang) })
}

// completeRole completes --role with the users' roles.
func (a *app) completeRole(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return keyedCompletions(casefile.Roles, func(r casefile.Role) (string, string) { return string(r), r.Label(a.lang) })
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
	return keyedCompletions(cat.Projects, func(p *casefile.Project) (string, string) { return p.Code, p.Label(a.lang) })
}

// completeDepartment completes --department with the department keys of
// the catalogue.
func (a *app) completeDepartment(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cat, err := a.catalog()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return keyedCompletions(cat.Departments, func(d casefile.Department) (string, string) { return d.Key, d.Label(a.lang) })
}

// completeEvidenceKind completes --kind with the evidence kinds.
func (a *app) completeEvidenceKind(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return keyedCompletions(casefile.EvidenceKinds, func(k casefile.EvidenceKind) (string, string) { return string(k), k.Label(a.lang) })
}

// completeDocument completes --received with the catalogue's document
// names, in the user's language.
func (a *app) completeDocument(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cat, err := a.catalog()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return keyedCompletions(cat.Documents(), func(d string) (string, string) {
		l := cat.DocumentLabel(d)
		return l.In(a.lang), l.In(casefile.ZH)
	})
}

// keyedCompletions completes with the key of each item, described by its name
// (both given by keyName).
func keyedCompletions[T any](items []T, keyName func(T) (key, name string)) ([]cobra.Completion, cobra.ShellCompDirective) {
	out := make([]cobra.Completion, 0, len(items))
	for _, x := range items {
		out = append(out, cobra.CompletionWithDesc(keyName(x)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeCatalogFlags registers the completion of --project and
// --department on cmd.
func (a *app) completeCatalogFlags(cmd *cobra.Command) {
	cmd.RegisterFlagCompletionFunc("project", a.completeProject)
	cmd.RegisterFlagCompletionFunc("department", a.completeDepartment)
}
