package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

func (a *app) newSessionCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "session",
		Short: a.t("综合研判会：会次、出席、议程、表决、决定", "Adjudication meetings: sessions, attendance, agenda, votes, decisions"),
		Long: a.t(`综合研判会的一次会议：开会（new）、登记出席（attend）、把待研判案件列入议程
（agenda）、登记每位出席成员的表决或回避（vote、recuse）、登记对每个案件的
决定（decide），最后闭会（close）并冻结会议记录。MEMBER 是成员的编号、姓名或
部门键；见 "hall session committee"。`, `A session of the adjudication meeting: open it (new), take attendance (attend),
put the ready cases on its agenda (agenda), record each present member's vote
or recusal (vote, recuse), record the decision on each case (decide) and
close it (close), which freezes its record. MEMBER is a member's id, name or
department key; see "hall session committee".`),
	}
	cmd.AddCommand(
		a.newSessionListCommand(),
		a.newSessionShowCommand(),
		a.newSessionCommitteeCommand(),
		a.newSessionNewCommand(),
		a.newSessionAttendCommand(),
		a.newSessionAgendaCommand(),
		a.newSessionVoteCommand(),
		a.newSessionRecuseCommand(),
		a.newSessionDecideCommand(),
		a.newSessionReconsiderCommand(),
		a.newSessionCloseCommand(),
	)
	return cmd
}

// withMeeting opens the store (read-only or not) for the meeting, runs fn
// and closes the store.
func (a *app) withMeeting(readOnly bool, fn func(st *casefile.Store, m *meeting.Store) error) error {
	return a.withStore(readOnly, func(st *casefile.Store) error { return fn(st, meeting.New(st)) })
}

// withSession is withMeeting with the session number loaded.
func (a *app) withSession(number string, readOnly bool, fn func(st *casefile.Store, m *meeting.Store, sess *meeting.Session) error) error {
	return a.withMeeting(readOnly, func(st *casefile.Store, m *meeting.Store) error {
		sess, err := m.Session(number)
		if err != nil {
			return err
		}
		return fn(st, m, sess)
	})
}

// sessionLine is one line of `hall session list --json`.
type sessionLine struct {
	Number    string                `json:"number"`
	Date      casefile.Date         `json:"date"`
	Place     string                `json:"place"`
	Status    meeting.SessionStatus `json:"status"`
	Chair     string                `json:"chair"`
	Secretary string                `json:"secretary"`
	Members   int                   `json:"members"` // voting members invited
	Present   int                   `json:"present"` // of whom present
	Items     int                   `json:"items"`
	Decided   int                   `json:"decided"`
	Approved  int                   `json:"approved"`
	Rejected  int                   `json:"rejected"`
	Deferred  int                   `json:"deferred"`
	// Amounts are the granted amounts, per month and one-off apart (JSON
	// "monthly", "one_off" and "loan"), never one mixed total.
	casefile.Amounts
}

func (a *app) newSessionListCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: a.t("列出研判会，最新的在前", "List the sessions, newest first"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withMeeting(true, func(st *casefile.Store, m *meeting.Store) error {
				heads, err := m.Sessions()
				if err != nil {
					return err
				}
				out := []sessionLine{}
				for _, h := range heads {
					sess, err := m.Session(h.Number)
					if err != nil {
						return err
					}
					sum := meeting.Summarize(st.Catalog(), sess)
					l := sessionLine{Number: sess.Number, Date: sess.Date, Place: sess.Place, Status: sess.Status,
						Chair: sess.Chair.Name, Secretary: sess.Secretary.Name, Items: sess.Items, Decided: sess.Decided,
						Approved: sum.Approved, Rejected: sum.Rejected, Deferred: sum.Deferred, Amounts: sum.Amounts}
					for _, mb := range sess.Members {
						if mb.Votes() {
							l.Members++
							if sess.IsPresent(mb.ID) {
								l.Present++
							}
						}
					}
					out = append(out, l)
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, out)
				}
				if len(out) == 0 {
					fmt.Fprintln(w, a.t("没有研判会。", "no sessions."))
					return nil
				}
				var rows [][]string
				for _, l := range out {
					rows = append(rows, []string{l.Number, l.Date.String(), l.Status.Label(a.lang), fmt.Sprintf("%d/%d", l.Present, l.Members),
						fmt.Sprintf("%d/%d", l.Decided, l.Items), fmt.Sprintf("%d/%d/%d", l.Approved, l.Rejected, l.Deferred), l.Monthly.Grouped(), l.OneOff.Grouped(), l.Place})
				}
				table(w, []string{a.t("编号", "number"), a.t("日期", "date"), a.t("状态", "status"), a.t("出席", "present"),
					a.t("已决/议程", "decided"), a.t("批准/不予/暂缓", "appr/rej/def"), a.t("每月", "monthly"), a.t("一次性", "one-off"), a.t("地点", "place")}, rows)
				return nil
			})
		},
	}
	a.jsonFlag(cmd, &asJSON)
	return cmd
}

// sessionDetail is `hall session show --json`: the session with its
// agenda (votes, recusals, decisions) and the summary of its decisions.
type sessionDetail struct {
	*meeting.Session
	Summary *meeting.Summary `json:"summary"`
}

func (a *app) newSessionShowCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show NUMBER",
		Short: a.t("查看研判会：出席情况，每个案件的表决、回避、决定和金额", "Show a session: attendance, each case with its votes, recusals, decision and amounts"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(args[0], true, func(st *casefile.Store, m *meeting.Store, sess *meeting.Session) error {
				d := sessionDetail{Session: sess, Summary: meeting.Summarize(st.Catalog(), sess)}
				if asJSON {
					return writeJSON(cmd.OutOrStdout(), d)
				}
				a.printSession(cmd.OutOrStdout(), st.Catalog(), &d)
				return nil
			})
		},
	}
	a.jsonFlag(cmd, &asJSON)
	return cmd
}

func (a *app) newSessionCommitteeCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "committee",
		Short: a.t("列出研判委员会成员（没有委员会时设立默认委员会）", "List the committee's members (the default committee is set up when there is none)"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				members, err := a.committee(cmd.ErrOrStderr(), m)
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(cmd.OutOrStdout(), members)
				}
				var rows [][]string
				for _, mb := range members {
					rows = append(rows, []string{fmt.Sprint(mb.ID), mb.Name, a.deptLabel(st.Catalog(), mb.Department), mb.Role.Label(a.lang)})
				}
				table(cmd.OutOrStdout(), []string{a.t("编号", "id"), a.t("姓名", "name"), a.t("部门", "department"), a.t("角色", "role")}, rows)
				return nil
			})
		},
	}
	a.jsonFlag(cmd, &asJSON)
	return cmd
}

// committee returns the committee, setting up the default one from the
// catalogue's departments when there is none.
func (a *app) committee(note io.Writer, m *meeting.Store) ([]meeting.Member, error) {
	members, err := m.Committee()
	if err != nil || len(members) > 0 {
		return members, err
	}
	fmt.Fprintln(note, a.t("尚无研判委员会，已按政策目录的部门设立默认委员会。", "no committee yet: the default one was set up from the catalogue's departments."))
	return m.SetCommittee(meeting.DefaultCommittee(m.Cases().Catalog()), a.who())
}

func (a *app) newSessionNewCommand() *cobra.Command {
	var date, place string
	cmd := &cobra.Command{
		Use:   "new",
		Short: a.t("与研判委员会召开新的研判会", "Open a new session with the committee"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p := meeting.Plan{Place: place}
			if date != "" {
				d, err := casefile.ParseDate(date)
				if err != nil {
					return usageError{err}
				}
				p.Date = d
			}
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				if _, err := a.committee(cmd.ErrOrStderr(), m); err != nil {
					return err
				}
				sess, err := m.NewSession(p, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已开会：%s（%s，%s）\n", "session opened: %s (%s, %s)\n"), sess.Number, sess.Date, sess.Place)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.t("会议日期，YYYY-MM-DD（默认今天）", "date of the session, YYYY-MM-DD (default today)"))
	cmd.Flags().StringVar(&place, "place", "", a.t("会议地点（必填）", "place of the session (required)"))
	return cmd
}

func (a *app) newSessionAttendCommand() *cobra.Command {
	var leave bool
	cmd := &cobra.Command{
		Use:   "attend NUMBER MEMBER...",
		Short: a.t("登记成员出席（加 --leave 则登记离会）", "Record members as present (or, with --leave, as having left)"),
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(args[0], false, func(st *casefile.Store, m *meeting.Store, sess *meeting.Session) error {
				var ids []uint64
				var err error
				for _, ref := range args[1:] {
					mb, ferr := sess.FindMember(ref)
					if ferr != nil {
						return ferr
					}
					ids = append(ids, mb.ID)
				}
				if leave {
					for _, id := range ids {
						if sess, err = m.Leave(sess.Number, id, a.who()); err != nil {
							return err
						}
					}
				} else if sess, err = m.Attend(sess.Number, ids, a.who()); err != nil {
					return err
				}
				voters, present := 0, 0
				for _, mb := range sess.Members {
					if mb.Votes() {
						voters++
						if sess.IsPresent(mb.ID) {
							present++
						}
					}
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s 应到 %d 人，实到 %d 人\n", "%s: %d members, %d present\n"), sess.Number, voters, present)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&leave, "leave", false, a.t("登记这些成员离会", "record the members as having left"))
	return cmd
}

func (a *app) newSessionAgendaCommand() *cobra.Command {
	var f meeting.AgendaFilter
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "agenda NUMBER",
		Short: a.t("执行“同一政策只享受一次”后把待研判案件列入议程", `Put the ready cases on the agenda, after resolving "the same policy only once"`),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				rep, err := m.BuildAgenda(args[0], f, a.who())
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, rep)
				}
				if rep.Dedup != nil && rep.Dedup.Totals.Groups > 0 {
					fmt.Fprintf(w, a.t("同一救助政策只能享受一次：%d 组，保留 %d 项，不予重复 %d 项\n", "same policy only once: %d groups, %d kept, %d to decline\n"),
						rep.Dedup.Totals.Groups, rep.Dedup.Totals.Kept, rep.Dedup.Totals.Declined)
				}
				fmt.Fprintf(w, a.t("新增 %d 件：%s\n", "added %d: %s\n"), len(rep.Added), strings.Join(rep.Added, " "))
				if len(rep.Removed) > 0 {
					fmt.Fprintf(w, a.t("移出（不再待研判）：%s\n", "taken off (no longer ready): %s\n"), strings.Join(rep.Removed, " "))
				}
				if len(rep.Busy) > 0 {
					fmt.Fprintf(w, a.t("已在其他研判会议程上：%s\n", "on another session's agenda: %s\n"), strings.Join(rep.Busy, " "))
				}
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Project, "project", "", a.t("只列申请此项目代码的案件", "only cases applying for this project code"))
	fl.StringVar(&f.Department, "department", "", a.t("只列含此部门项目的案件（部门键）", "only cases with a project of this department key"))
	fl.StringVar(&f.Group, "group", "", a.t("只列含此项目组项目的案件（组键）", "only cases with a project of this group key"))
	fl.IntVar(&f.Limit, "limit", 0, a.t("最多列入的案件数，期限最早的优先（0：全部）", "add at most this many cases, earliest deadline first (0: all)"))
	fl.BoolVar(&asJSON, "json", false, a.t("输出 JSON", "print JSON"))
	a.completeCatalogFlags(cmd)
	return cmd
}

func (a *app) newSessionVoteCommand() *cobra.Command {
	var (
		reason   string
		projects []string
	)
	cmd := &cobra.Command{
		Use:   "vote NUMBER CASE MEMBER agree|disagree|abstain [--project CODE=CHOICE ...]",
		Short: a.t("登记出席成员对案件的表决意见（同意以外须写理由）", "Record a present member's vote on a case (a reason is required but for agree)"),
		Long: a.t(`登记出席成员对案件的表决意见。agree（同意）即同意案件的全部项目；对某个项目意见
不同时用 --project 代码=意见（可重复），例如：agree --project MZ-05=disagree
--reason "事故损失已由保险赔付"。同意以外的意见须写 --reason。`, `Record a present member's vote on a case. agree agrees to every project of
the case; where the member's choice on a project differs, give it with
--project CODE=CHOICE (repeatable), e.g. agree --project MZ-05=disagree
--reason "the loss was paid by the insurer". Any choice but agree needs a
--reason.`),
		Args: cobra.ExactArgs(4),
		RunE: func(cmd *cobra.Command, args []string) error {
			choice, ok := meeting.ParseChoice(args[3])
			if !ok {
				return usageError{fmt.Errorf(a.t("表决意见 %q 无效（agree、disagree、abstain）", "vote %q is invalid (agree, disagree, abstain)"), args[3])}
			}
			b := meeting.Ballot{Case: args[1], Choice: choice, Reason: reason}
			for _, p := range projects {
				code, word, found := strings.Cut(p, "=")
				ch, ok := meeting.ParseChoice(word)
				if !found || strings.TrimSpace(code) == "" || !ok {
					return usageError{fmt.Errorf(a.t("--project %q 无效，应为 代码=agree|disagree|abstain", "--project %q is invalid; use CODE=agree|disagree|abstain"), p)}
				}
				if b.Projects == nil {
					b.Projects = map[string]meeting.Choice{}
				}
				b.Projects[strings.TrimSpace(code)] = ch
			}
			return a.withSession(args[0], false, func(st *casefile.Store, m *meeting.Store, sess *meeting.Session) error {
				mb, err := sess.FindMember(args[2])
				if err != nil {
					return err
				}
				b.Member = mb.ID
				tl, err := m.Vote(sess.Number, b, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已记录：%s %s", "recorded: %s %s"), mb.Name, choice.Label(a.lang))
				for _, code := range sortedKeys(b.Projects) {
					if b.Projects[code] != choice {
						fmt.Fprintf(cmd.OutOrStdout(), a.t("，%s %s", ", %s %s"), code, b.Projects[code].Label(a.lang))
					}
				}
				fmt.Fprintln(cmd.OutOrStdout())
				a.printTally(cmd.OutOrStdout(), tl)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", a.t("表决理由（不同意和弃权时必填）", "reason of the vote (required for disagree and abstain)"))
	cmd.Flags().StringArrayVar(&projects, "project", nil, a.t("对某个项目的不同意见，代码=agree|disagree|abstain（可重复）", "the member's choice on one project where it differs, CODE=agree|disagree|abstain (repeatable)"))
	return cmd
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

func (a *app) newSessionRecuseCommand() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "recuse NUMBER CASE MEMBER --reason R",
		Short: a.t("登记成员对案件申明的利益冲突：回避，其表决不计", "Record a member's declared conflict on a case: recused, their vote not counted"),
		Args:  cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(args[0], false, func(st *casefile.Store, m *meeting.Store, sess *meeting.Session) error {
				mb, err := sess.FindMember(args[2])
				if err != nil {
					return err
				}
				tl, err := m.Recuse(sess.Number, meeting.Declaration{Case: args[1], Member: mb.ID, Reason: reason}, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已记录回避：%s\n", "recused: %s\n"), mb.Name)
				a.printTally(cmd.OutOrStdout(), tl)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", a.t("利益冲突情况（必填）", "the conflict (required)"))
	return cmd
}

func (a *app) newSessionDecideCommand() *cobra.Command {
	var (
		reason, amountReason string
		override, def        bool
		verify, projects     []string
		amounts              map[string]string
	)
	cmd := &cobra.Command{
		Use:   "decide NUMBER CASE [approve|reject|defer] [--project CODE=approve[:YUAN]|reject[:REASON]|defer[:WHAT] ...]",
		Short: a.t("登记对案件的决定，每个项目一个结果（状态、金额和办理记录一并变更）", "Record the decision on a case, one outcome per project (status, amounts and history change together)"),
		Long: a.t(`登记对案件的决定。每个申请项目各有结果：批准（核定金额）、不予救助（书面理由）
或暂缓（需核查的事项）。approve|reject|defer 对全部项目作同一决定；--project 逐项
决定（可重复），例如：
  --project MZ-01=approve --project MZ-05=reject --reason "事故损失已由保险赔付"
  --project MZ-01=approve:600 --amount-reason "已先行救助 20 元"
  --project MZ-05=defer --verify "事故证明"
未用 --project 指明的项目按 approve|reject|defer 决定。批准默认核定拟定金额；核定金额
与拟定金额不同须写明 --amount-reason。不予救助须写明 --reason（或 代码=reject:理由），
--default-reason 在登记时根据当时的核查发现和委员意见生成理由（不写表决票数：票数
只记入会议纪要）。暂缓须写明 --verify（可重复）或 --reason。任何项目的决定须与
该项目的表决结果一致，除非用 --override 登记主持人的最终意见并写明 --reason。
案件结果：有项目暂缓则案件暂缓（已决定的项目保留，下次只议暂缓的项目）；否则有项目
批准则案件批准；全部不予救助则案件不予救助。`, `Record the decision on a case. Each project applied for gets its own
outcome: approve (with the granted amount), reject (with a written reason) or
defer (with what must be verified). approve|reject|defer decides every
project alike; --project decides one project (repeatable), e.g.:
  --project MZ-01=approve --project MZ-05=reject --reason "paid by the insurer"
  --project MZ-01=approve:600 --amount-reason "20 yuan already paid as emergency aid"
  --project MZ-05=defer --verify "accident certificate"
Projects not named with --project take approve|reject|defer. An approval
grants the proposed amount; another amount needs --amount-reason. A
rejection needs a --reason (or CODE=reject:REASON); --default-reason builds it
when the decision is recorded, from the findings and the members' reasons as
they are then (never a vote count: the count belongs in the minutes). A
deferral needs --verify (repeatable) or --reason. Each project's decision must
be what the vote on it gives, unless --override records the chair's final word
with a --reason. The case's result: deferred if any project is deferred (the
projects decided stand; the next session decides the deferred ones); else
approved if any project is approved; else rejected.`),
		Args: cobra.RangeArgs(2, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			r := meeting.Ruling{Case: args[1], Reason: reason, Verify: verify, Override: override,
				AmountReason: amountReason, DefaultReason: def}
			if len(args) == 3 {
				res, ok := meeting.ParseRuling(args[2])
				if !ok {
					return usageError{fmt.Errorf(a.t("决定 %q 无效（approve、reject、defer）", "decision %q is invalid (approve, reject, defer)"), args[2])}
				}
				r.Result = res
			} else if len(projects) == 0 {
				return usageError{fmt.Errorf("%s", a.t("须写明决定：approve|reject|defer，或用 --project 逐项决定",
					"give the decision: approve|reject|defer, or decide each project with --project"))}
			}
			for _, p := range projects {
				code, pr, err := a.parseProjectRuling(p)
				if err != nil {
					return err
				}
				if r.Projects == nil {
					r.Projects = map[string]meeting.ProjectRuling{}
				}
				if _, dup := r.Projects[code]; dup {
					return usageError{fmt.Errorf(a.t("--project %s 重复", "--project %s is given twice"), code)}
				}
				r.Projects[code] = pr
			}
			for code, y := range amounts {
				mny, err := casefile.ParseMoney(y)
				if err != nil {
					return usageError{err}
				}
				if r.Amounts == nil {
					r.Amounts = map[string]casefile.Money{}
				}
				r.Amounts[code] = mny
			}
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				it, err := m.Decide(args[0], r, a.who())
				if err != nil {
					return err
				}
				a.printDecision(cmd.OutOrStdout(), st.Catalog(), it)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&projects, "project", nil, a.t("逐项决定：代码=approve[:元]、代码=reject[:理由] 或 代码=defer[:核查事项]（可重复）",
		"decide one project: CODE=approve[:YUAN], CODE=reject[:REASON] or CODE=defer[:WHAT] (repeatable)"))
	fl.StringVar(&reason, "reason", "", a.t("书面理由（不予救助、暂缓、主持人最终意见）", "written reason (rejection, deferral, override)"))
	fl.StringVar(&amountReason, "amount-reason", "", a.t("核定金额与拟定金额不同的理由", "why a granted amount differs from the proposal"))
	fl.BoolVar(&override, "override", false, a.t("主持人最终意见与表决结果不同（须 --reason）", "the chair's final word departs from the vote's outcome (needs --reason)"))
	fl.BoolVar(&def, "default-reason", false, a.t("登记时根据核查发现和委员意见生成不予救助理由", "build the rejection's reason when the decision is recorded, from the findings and the members' reasons"))
	fl.StringArrayVar(&verify, "verify", nil, a.t("暂缓时要求补充核查的事项（可重复）", "what a deferral asks to verify (repeatable)"))
	fl.StringToStringVar(&amounts, "amount", nil, a.t("项目的核定金额，代码=元（可重复）", "granted amount of a project, CODE=YUAN (repeatable)"))
	return cmd
}

// parseProjectRuling reads one --project of `session decide`:
// CODE=approve[:YUAN], CODE=reject[:REASON] or CODE=defer[:WHAT]; the
// verbs may be the Chinese ones (批准、不予救助、暂缓).
func (a *app) parseProjectRuling(s string) (string, meeting.ProjectRuling, error) {
	var pr meeting.ProjectRuling
	bad := func() error {
		return usageError{fmt.Errorf(a.t("--project %q 无效，应为 代码=approve[:元]、代码=reject[:理由] 或 代码=defer[:核查事项]",
			"--project %q is invalid; use CODE=approve[:YUAN], CODE=reject[:REASON] or CODE=defer[:WHAT]"), s)}
	}
	code, rest, ok := strings.Cut(s, "=")
	code = strings.TrimSpace(code)
	if !ok || code == "" {
		return "", pr, bad()
	}
	verb, extra, hasExtra := strings.Cut(rest, ":")
	if !hasExtra {
		verb, extra, hasExtra = strings.Cut(rest, "：")
	}
	res, ok := meeting.ParseRuling(verb)
	if !ok {
		return "", pr, bad()
	}
	pr.Result = res
	extra = strings.TrimSpace(extra)
	if !hasExtra {
		return code, pr, nil
	}
	if extra == "" {
		return "", pr, bad()
	}
	switch res {
	case casefile.StatusApproved:
		m, err := casefile.ParseMoney(extra)
		if err != nil {
			return "", pr, usageError{fmt.Errorf("--project %s: %s", code, casefile.Message(err, a.lang))}
		}
		pr.Amount, pr.Set = m, true
	case casefile.StatusRejected:
		pr.Reason = extra
	case casefile.StatusDeferred:
		pr.Verify = []string{extra}
	}
	return code, pr, nil
}

// printDecision prints a recorded decision: the case's result and each
// project's outcome with its amount, reason or what must be verified.
func (a *app) printDecision(w io.Writer, cat *casefile.Catalog, it *meeting.Item) {
	dec := it.Decision
	fmt.Fprintf(w, a.t("已决定 %s：%s", "decided %s: %s"), it.Case, dec.Result.Label(a.lang))
	if g := dec.Amounts; !g.IsZero() {
		fmt.Fprintf(w, a.t("，核定 %s", ", granted %s"), g.Text().In(a.lang))
	}
	fmt.Fprintln(w)
	for _, p := range dec.Projects {
		fmt.Fprintf(w, "  %s %s%s%s\n", p.Project, a.projectLabel(cat, p.Project), a.t("：", ": "), a.projectOutcome(cat, p))
	}
}

// projectOutcome is one project's outcome in a line: 批准 每月 620.00 元,
// 不予救助：理由, 暂缓：待核查 …; an outcome that stands from an earlier
// session says so.
func (a *app) projectOutcome(cat *casefile.Catalog, p meeting.ProjectDecision) string {
	var s string
	switch p.Result {
	case casefile.StatusApproved:
		var am casefile.Amounts
		if pr := cat.Project(p.Project); pr != nil {
			am.Add(pr.Kind, p.Amount)
		} else {
			am.OneOff = p.Amount
		}
		s = a.t("批准 ", "approved, ") + am.Text().In(a.lang)
		if p.AmountReason != "" {
			s += fmt.Sprintf(a.t("（拟定 %s 元；调整理由：%s）", " (proposed %s yuan; changed because: %s)"), p.ProposedAmount.Grouped(), p.AmountReason)
		}
	case casefile.StatusRejected:
		s = a.t("不予救助：", "rejected: ") + p.Why().In(a.lang)
	case casefile.StatusDeferred:
		s = a.t("暂缓，待核查：", "deferred, to verify: ") + strings.Join(p.Verify, a.t("；", "; "))
	}
	if p.Override {
		s += a.t("（主持人最终意见）", " (chair's final word)")
	}
	if p.Stands != "" {
		s += fmt.Sprintf(a.t("（维持 %s 的决定）", " (as decided by %s)"), p.Stands)
	}
	return s
}

func (a *app) newSessionReconsiderCommand() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "reconsider NUMBER CASE --reason R",
		Short: a.t("把已决定的案件重新列入议程，复议原决定", "Put a decided case on the agenda again to reconsider its earlier decision"),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				it, err := m.Reconsider(args[0], args[1], reason, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s 已列入议程，复议 %s 的决定\n", "%s is on the agenda to reconsider the decision of %s\n"), it.Case, it.Refers)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", a.t("复议理由（必填）", "why the decision is reconsidered (required)"))
	return cmd
}

func (a *app) newSessionCloseCommand() *cobra.Command {
	var leave bool
	cmd := &cobra.Command{
		Use:   "close NUMBER",
		Short: a.t("闭会并冻结会议记录", "Close the session and freeze its record"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withMeeting(false, func(st *casefile.Store, m *meeting.Store) error {
				sess, err := m.Close(args[0], leave, a.who())
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				fmt.Fprintf(w, a.t("已闭会：%s，决定 %d 件\n", "session closed: %s, %d decided\n"), sess.Number, sess.Decided)
				if len(sess.Undecided) > 0 {
					fmt.Fprintf(w, a.t("未作决定：%s\n", "not decided: %s\n"), strings.Join(sess.Undecided, " "))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&leave, "leave-undecided", false, a.t("有案件未作决定也闭会（列为未作决定）", "close even though some cases are not decided (they are listed as not decided)"))
	return cmd
}

func (a *app) deptLabel(cat *casefile.Catalog, key string) string {
	if d := cat.Department(key); d != nil {
		return d.Label(a.lang)
	}
	return key
}

func (a *app) projectLabel(cat *casefile.Catalog, code string) string {
	if p := cat.Project(code); p != nil {
		return p.Label(a.lang)
	}
	return code
}

func (a *app) printTally(w io.Writer, tl *meeting.Tally) {
	fmt.Fprintf(w, a.t("应到 %d，实到 %d，回避 %d，表决 %d：同意 %d，不同意 %d，弃权 %d\n",
		"%d members, %d present, %d recused, %d voting: %d agree, %d disagree, %d abstain\n"),
		tl.Members, tl.Present, tl.Recused, tl.Voting, tl.Agree, tl.Disagree, tl.Abstain)
	if len(tl.Pending) > 0 {
		fmt.Fprintf(w, a.t("未表决：%s\n", "not voted yet: %s\n"), strings.Join(tl.Pending, a.t("、", ", ")))
	}
	switch {
	case !tl.Quorum:
		fmt.Fprintln(w, a.t("未达到法定人数", "no quorum"))
	default:
		fmt.Fprintf(w, a.t("按规则拟：%s\n", "the rule gives: %s\n"), tl.Proposed.Label(a.lang))
	}
}

func (a *app) printSession(w io.Writer, cat *casefile.Catalog, d *sessionDetail) {
	s := d.Session
	L := a.lang
	fmt.Fprintf(w, "%s %s  [%s]\n", a.t("综合研判会", "Adjudication meeting"), s.Number, s.Status.Label(L))
	fmt.Fprintf(w, a.t("日期：%s  地点：%s\n", "Date: %s  Place: %s\n"), s.Date, s.Place)
	fmt.Fprintf(w, a.t("主持人：%s（%s）  记录人：%s（%s）\n", "Chair: %s (%s)  Secretary: %s (%s)\n"), s.Chair.Name, a.deptLabel(cat, s.Chair.Department),
		s.Secretary.Name, a.deptLabel(cat, s.Secretary.Department))
	var present, absent []string
	voters := 0
	for _, mb := range s.Members {
		if !mb.Votes() {
			continue
		}
		voters++
		label := fmt.Sprintf("%s(%s)", mb.Name, a.deptLabel(cat, mb.Department))
		if s.IsPresent(mb.ID) {
			present = append(present, label)
		} else {
			absent = append(absent, label)
		}
	}
	sep := a.t("、", ", ")
	fmt.Fprintf(w, a.t("出席 %d/%d：%s\n", "Present %d/%d: %s\n"), len(present), voters, strings.Join(present, sep))
	if len(absent) > 0 {
		fmt.Fprintf(w, a.t("缺席：%s\n", "Absent: %s\n"), strings.Join(absent, sep))
	}
	if s.Status == meeting.SessionClosed {
		fmt.Fprintf(w, a.t("闭会：%s（%s）\n", "Closed: %s (%s)\n"), s.ClosedAt.Format("2006-01-02 15:04"), s.ClosedBy)
	}
	fmt.Fprintf(w, "\n%s (%d)\n", a.t("议程", "Agenda"), len(s.Agenda))
	for i, it := range s.Agenda {
		fmt.Fprintf(w, "\n%d. %s  %s %s  %d%s  %s %s\n", i+1, it.Case, it.Applicant, it.IDNumber, it.Household, a.t("人", " members"),
			a.t("期限", "deadline"), it.Deadline)
		if it.Refers != "" {
			fmt.Fprintf(w, a.t("   复议 %s 的决定：%s\n", "   reconsiders the decision of %s: %s\n"), it.Refers, it.ReconsiderWhy)
		}
		for _, ap := range it.Apps {
			line := fmt.Sprintf(a.t("   %s %s（%s）拟 %s", "   %s %s (%s) proposed %s"), ap.Project, a.projectLabel(cat, ap.Project),
				a.deptLabel(cat, ap.Department), cat.AmountText(ap.Project, ap.Proposed).In(L))
			if ap.Mark != meeting.MarkNone {
				line += fmt.Sprintf("  [%s] %s", ap.Mark.Label(L), ap.MarkWhy().In(L))
			}
			switch ap.Outcome {
			case casefile.OutcomeGranted:
				line += fmt.Sprintf("  → %s %s", a.t("核定", "granted"), cat.AmountText(ap.Project, ap.Granted).In(L))
				if ap.StartMonth != "" {
					line += fmt.Sprintf(a.t("（%s 起 %d 个月）", " (from %s, %d months)"), ap.StartMonth, ap.Months)
				}
			case casefile.OutcomeDeclined:
				line += "  → " + a.t("不予救助", "declined")
				if why := ap.Why().In(L); why != "" {
					line += a.t("：", ": ") + why
				}
			}
			if it.Decision != nil {
				if pd := it.Decision.Project(ap.Project); pd != nil && pd.Result == casefile.StatusDeferred {
					line += "  → " + a.t("暂缓，待核查：", "deferred, to verify: ") + strings.Join(pd.Verify, a.t("；", "; "))
				} else if pd != nil && pd.AmountReason != "" {
					line += fmt.Sprintf(a.t("（调整理由：%s）", " (changed because: %s)"), pd.AmountReason)
				}
			}
			fmt.Fprintln(w, line)
		}
		for _, f := range it.Findings {
			if f.Severity != casefile.SevInfo {
				fmt.Fprintf(w, "   [%s] %s\n", f.Severity.Label(L), f.Text.In(L))
			}
		}
		tl := s.Count(it)
		if it.Decision != nil {
			tl = it.Decision.Tally
		}
		fmt.Fprintf(w, a.t("   表决：同意 %d，不同意 %d，弃权 %d，回避 %d\n", "   vote: %d agree, %d disagree, %d abstain, %d recused\n"),
			tl.Agree, tl.Disagree, tl.Abstain, tl.Recused)
		for _, v := range it.Votes {
			line := fmt.Sprintf("     %s %s", v.Name, v.Choice.Label(L))
			for _, code := range sortedKeys(v.Projects) {
				line += fmt.Sprintf(a.t("，%s %s", ", %s %s"), code, v.Projects[code].Label(L))
			}
			if v.Reason != "" {
				line += " — " + v.Reason
			}
			fmt.Fprintln(w, line)
		}
		for _, r := range it.Recusals {
			fmt.Fprintf(w, a.t("     %s 回避 — %s\n", "     %s recused — %s\n"), r.Name, r.Reason)
		}
		if dec := it.Decision; dec != nil {
			line := fmt.Sprintf(a.t("   决定：%s", "   decision: %s"), dec.Result.Label(L))
			if dec.Override {
				line += fmt.Sprintf(a.t("（主持人最终意见；按规则为%s）", " (chair's final word; the rule gave %s)"), dec.Proposed.Label(L))
			}
			if !dec.Amounts.IsZero() {
				line += fmt.Sprintf(a.t("，核定 %s", ", granted %s"), dec.Amounts.Text().In(L))
			}
			fmt.Fprintln(w, line)
			if dec.Reason != "" {
				fmt.Fprintf(w, a.t("   理由：%s\n", "   reason: %s\n"), dec.Reason)
			}
			if len(dec.Verify) > 0 {
				fmt.Fprintf(w, a.t("   待核查：%s\n", "   to verify: %s\n"), meeting.MissingList(cat, dec.Verify).Label(L))
			}
		} else {
			fmt.Fprintln(w, a.t("   决定：未作决定", "   decision: not decided"))
		}
	}
	sum := d.Summary
	fmt.Fprintf(w, a.t("\n合计：批准 %d，不予救助 %d，暂缓 %d，未决 %d；核定 %s\n", "\nTotal: %d approved, %d rejected, %d deferred, %d not decided; granted %s\n"),
		sum.Approved, sum.Rejected, sum.Deferred, len(sum.Undecided), sum.Amounts.Text().In(L))
	if pc := sum.Projects; pc != (meeting.ProjectCounts{}) {
		fmt.Fprintf(w, a.t("按项目：批准 %d，不予救助 %d，暂缓 %d\n", "By project: %d approved, %d rejected, %d deferred\n"), pc.Approved, pc.Rejected, pc.Deferred)
	}
	for _, am := range sum.ByDepartment {
		fmt.Fprintf(w, "  %s  %d  %s\n", a.deptLabel(cat, am.Key), am.Count, am.Amounts.Text().In(L))
	}
}
