// Command hello prints a greeting and exits: the smallest program that still needs
// everything a container image must provide to run it.
package main

import "fmt"

func main() {
	fmt.Println("Hello, World!")
}
