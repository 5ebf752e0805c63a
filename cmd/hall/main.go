// Command hall runs the front desk and the adjudication meetings of a
// county's integrated social-assistance hall.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
