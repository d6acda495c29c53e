module example.com/go-hello-world

go 1.24
