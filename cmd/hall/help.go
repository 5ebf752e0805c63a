package main

import (
	"github.com/spf13/cobra"
)

// The help and usage text speaks the user's language (--lang, HALL_LANG,
// read by preLang before the tree is built): every Short, Long and flag
// usage is given in both languages where it is defined, and so are the
// words of cobra's own template, help flag and help and completion
// commands, which localize sets on the finished tree.

// usageTemplate is cobra's usage template (without command groups, which
// hall does not use) in the user's language; "[flags]" is written here,
// so commands set DisableFlagsInUseLine.
func (a *app) usageTemplate() string {
	return a.t(`用法：{{if .Runnable}}
  {{.UseLine}}{{if .HasAvailableFlags}} [选项]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

可用命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} [命令] --help" 查看命令的详细说明。{{end}}
`, `Usage:{{if .Runnable}}
  {{.UseLine}}{{if .HasAvailableFlags}} [flags]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Available Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`)
}

// localize gives the finished tree under root its help in the user's
// language: the usage template, the --help and --version flags, and the
// help and completion commands cobra would add in English.
func (a *app) localize(root *cobra.Command) {
	root.SetUsageTemplate(a.usageTemplate())
	root.PersistentFlags().BoolP("help", "h", false, a.t("显示帮助", "show this help"))
	root.Flags().BoolP("version", "v", false, a.t("显示版本", "show the version"))

	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Use = a.t("help [命令]", "help [command]")
			c.Short = a.t("显示任一命令的帮助", "Help about any command")
			c.Long = a.t(`显示任一命令的帮助：hall help 命令 [子命令]。`, `Help about any command: hall help COMMAND [SUBCOMMAND].`)
		case "completion":
			c.Short = a.t("生成 shell 自动补全脚本", "Generate the autocompletion script for the specified shell")
			c.Long = a.t(`生成 hall 的 shell 自动补全脚本，例如 source <(hall completion bash)。
补全命令、选项以及 --status、--role、--lang、--project、--department 的取值。`,
				`Generate the autocompletion script of hall for a shell, e.g. source <(hall completion bash).
It completes commands, flags and the values of --status, --role, --lang, --project and --department.`)
			for _, sh := range c.Commands() {
				sh.Short = a.t("生成 "+sh.Name()+" 的自动补全脚本", "Generate the autocompletion script for "+sh.Name())
				sh.Long = sh.Short + a.t("，写到标准输出。", " on standard output.")
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = a.t("不显示补全说明", "disable completion descriptions")
				}
			}
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
