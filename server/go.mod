module leancontainers.example/server

// The code uses nothing newer than Go 1.19 (the oldest toolchain it is tested with); the image builds it
// with Go 1.24.
go 1.19
