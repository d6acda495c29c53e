// Command hello-service greets and then keeps running until it is stopped, as a real service does.
// The lab uses it to show how to inspect a running distroless container that has no shell.
package main

import (
	"context"
	"fmt"
	"os/signal"
	"syscall"
)

func main() {
	fmt.Println("Hello, World! (running until stopped)")
	// Wait for `docker stop` (SIGTERM) or Ctrl-C; as PID 1 a process gets no default signal handling.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	<-ctx.Done()
	fmt.Println("stopping")
}
