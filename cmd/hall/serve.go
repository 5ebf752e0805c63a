package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/serve"
)

// serveOptions are the flags of hall serve.
type serveOptions struct {
	listen    string
	hostKey   string
	idle      time.Duration // --idle-timeout
	handshake time.Duration // --handshake-timeout
	print     screenPrintOptions
}

func (a *app) newServeCommand() *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--listen ADDR] [--host-key FILE]",
		Short: a.t("通过 SSH 向各窗口、核查岗和研判会议室提供前台界面", "Serve the front desk over SSH to every desk, the verification desk and the committee room"),
		Long: a.t(`serve 掌管数据库并通过 SSH 提供前台界面，每个连接一个程序，共用同一批案件。
只有用 "hall user add" 登记的用户凭其公钥才能连入；各人看到和能做的按其角色而定，
每项改动都以其姓名记录。各终端打印的文书写在本机的 --print-dir（默认：数据库旁的
hall-print），界面会给出文件路径。

除非用 --listen 指定其他地址，只在本机（`+serve.DefaultAddr+`）监听。主机密钥在首次运行时创建，
只有其所有者可读。SIGTERM 或 ctrl+c 停止服务：各终端保存未完成的受理后关闭连接，
然后关闭数据库。`, `serve holds the database and serves the front desk over SSH, one program per
connection, all on the same cases. Only users registered with "hall user add"
get in, by their public key; what each sees and may do follows their role, and
every change is recorded under their name. What the terminals print is written
on this machine, into --print-dir (default: hall-print beside the database),
and the screens say so with the file's path.

It listens on this machine only (`+serve.DefaultAddr+`) unless --listen names another
address. The host key is created on the first run, readable by its owner only.
SIGTERM or ctrl+c stops it: connections are closed after each terminal has
saved its unfinished intake, then the database is closed.`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return a.serve(ctx, cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", serve.DefaultAddr, a.t("监听地址（本机回环以外的地址须在此指定）", "address to listen on (anything but loopback must be given here)"))
	f.StringVar(&o.hostKey, "host-key", "", a.t("SSH 主机密钥文件，不存在时创建（默认：数据库旁的 "+serve.DefaultHostKeyName+"）", "SSH host key file, created when absent (default: "+serve.DefaultHostKeyName+" beside the database)"))
	f.DurationVar(&o.idle, "idle-timeout", serve.DefaultIdleTimeout, a.t("连接无任何往来多久后断开（草稿照常保存）", "drop a connection with no traffic for this long (its draft is saved)"))
	f.DurationVar(&o.handshake, "handshake-timeout", serve.DefaultHandshakeTimeout, a.t("客户端完成握手并登录的时限（最多 30s）", "time a client has to finish the handshake and log in (at most 30s)"))
	o.print.addFlags(a, cmd)
	return cmd
}

// serve runs the server until ctx is done (SIGTERM, SIGINT).
func (a *app) serve(ctx context.Context, cmd *cobra.Command, o serveOptions) error {
	return a.withStore(false, func(st *casefile.Store) error {
		// other hall commands run here while this process holds the file
		stopOwner := a.startOwnerOrNote(st, cmd.ErrOrStderr())
		defer stopOwner()
		if o.hostKey == "" {
			o.hostKey = filepath.Join(filepath.Dir(a.dbPath), serve.DefaultHostKeyName)
		}
		// every connection's front desk has the meeting console, as the local one
		opts := append(consoleOptions(st), frontdesk.WithPrinting(a.screenPrinting(st, &o.print, true)))
		srv, err := serve.New(st, serve.Config{HostKey: o.hostKey, Lang: a.lang, Options: opts, IdleTimeout: o.idle, HandshakeTimeout: o.handshake,
			Log: slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))})
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", o.listen)
		if err != nil {
			return err
		}
		out := cmd.OutOrStdout()
		if users, err := st.Users(); err == nil && len(users) == 0 {
			fmt.Fprintln(out, a.t("还没有登记的用户，谁也连不上：先用 hall user add 登记。",
				"no registered users yet, so nobody can connect: add one with hall user add."))
		}
		fmt.Fprintf(out, a.t("hall serve：正在 %s 上服务 %s（主机公钥 %s）\n", "hall serve: serving %[2]s on %[1]s (host key %[3]s)\n"),
			ln.Addr(), a.dbPath, srv.HostKeyFingerprint())
		if err := srv.Serve(ctx, ln); err != nil {
			return err
		}
		stopOwner() // no client command runs on the store from here
		if err := st.Close(); err != nil {
			return err
		}
		fmt.Fprintln(out, a.t("hall serve：已停止，数据库已关闭。", "hall serve: stopped; the database is closed."))
		return nil
	})
}
