// A tiny static file server for the built site, from Go's standard library only, so it can run on a
// distroless static image: no shell, no libc, nothing else.
//
// It serves a folder (dist/) with explicit MIME types and X-Content-Type-Options: nosniff, the HTTP headers
// listed in the folder's _headers file (the same file static hosts read), the site's 404 page, and never a
// directory listing. `-healthcheck URL` fetches a URL and exits 0 or 1, for a container health check in an
// image that has no curl.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// contentTypes fixes the types the site needs rather than trusting the image's /etc/mime.types, which a
// distroless static image may not have. Unknown extensions fall back to Go's built-in table.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".xml":         "application/xml",
	".txt":         "text/plain; charset=utf-8",
	".cast":        "text/plain; charset=utf-8",
	".wasm":        "application/wasm",
	".woff2":       "font/woff2",
	".png":         "image/png",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".webmanifest": "application/manifest+json",
	".pdf":         "application/pdf",
	".zip":         "application/zip",
	".pf_meta":     "application/octet-stream",
	".pf_index":    "application/octet-stream",
	".pf_fragment": "application/octet-stream",
	".pf_filter":   "application/octet-stream",
	".pagefind":    "application/octet-stream",
}

func contentType(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// headerRule is one block of a _headers file: a path (or a prefix ending in *) and its headers.
type headerRule struct {
	pattern string
	headers [][2]string
}

// parseHeaders reads the _headers format: a path on its own line, then indented "Name: value" lines.
func parseHeaders(r io.Reader) ([]headerRule, error) {
	var rules []headerRule
	scanner := bufio.NewScanner(r)
	for number := 1; scanner.Scan(); number++ {
		line := scanner.Text()
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			rules = append(rules, headerRule{pattern: trimmed})
			continue
		}
		name, value, found := strings.Cut(trimmed, ":")
		if !found || len(rules) == 0 || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("_headers line %d: expected \"Name: value\" under a path", number)
		}
		last := &rules[len(rules)-1]
		last.headers = append(last.headers, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
	}
	return rules, scanner.Err()
}

func (rule headerRule) matches(urlPath string) bool {
	if strings.HasSuffix(rule.pattern, "*") {
		return strings.HasPrefix(urlPath, strings.TrimSuffix(rule.pattern, "*"))
	}
	return urlPath == rule.pattern
}

type site struct {
	root  string
	rules []headerRule
}

func newSite(root string) (*site, error) {
	info, err := os.Stat(root)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder to serve", root)
	}
	s := &site{root: root}
	file, err := os.Open(filepath.Join(root, "_headers"))
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	} else if err != nil {
		return nil, err
	}
	defer file.Close()
	s.rules, err = parseHeaders(file)
	return s, err
}

// hidden files are part of the build but not of the site.
func hidden(urlPath string) bool {
	base := path.Base(urlPath)
	return base == "_headers" || base == "_redirects" || strings.HasPrefix(base, ".")
}

// resolve maps a clean URL path to a regular file under root: /x/ to /x/index.html. It reports whether the
// path names a folder that has an index but lacks the trailing slash (the caller redirects).
func (s *site) resolve(urlPath string) (file string, addSlash bool) {
	name := filepath.Join(s.root, filepath.FromSlash(urlPath))
	info, err := os.Stat(name)
	if err != nil {
		return "", false
	}
	if info.IsDir() {
		index := filepath.Join(name, "index.html")
		if indexInfo, err := os.Stat(index); err == nil && indexInfo.Mode().IsRegular() {
			if !strings.HasSuffix(urlPath, "/") {
				return "", true
			}
			return index, false
		}
		return "", false // a folder without an index: 404, never a listing
	}
	if !info.Mode().IsRegular() {
		return "", false
	}
	return name, false
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	urlPath := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && urlPath != "/" {
		urlPath += "/"
	}
	for _, rule := range s.rules {
		if rule.matches(urlPath) {
			for _, header := range rule.headers {
				w.Header().Set(header[0], header[1])
			}
		}
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")

	file, addSlash := "", false
	if !hidden(urlPath) {
		file, addSlash = s.resolve(urlPath)
	}
	if addSlash {
		target := urlPath + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if file == "" {
		status = http.StatusNotFound
		file = filepath.Join(s.root, "404.html")
		w.Header().Del("Cache-Control")
	}
	s.serveFile(w, r, file, status)
}

func (s *site) serveFile(w http.ResponseWriter, r *http.Request, file string, status int) {
	f, err := os.Open(file)
	if err != nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "404 page not found\n")
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType(file))
	if status == http.StatusOK {
		// ServeContent handles Range, If-Modified-Since and HEAD.
		http.ServeContent(w, r, "", info.ModTime(), f)
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		io.Copy(w, f)
	}
}

func healthcheck(url string) int {
	client := http.Client{Timeout: 3 * time.Second}
	response, err := client.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	response.Body.Close()
	if response.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, response.Status)
		return 1
	}
	return 0
}

func main() {
	addr := flag.String("addr", ":8080", "address to listen on, e.g. :8080 or 127.0.0.1:8081")
	root := flag.String("root", "/site", "folder to serve (the built dist/)")
	check := flag.String("healthcheck", "", "fetch this URL, exit 0 if it answers 200 OK, 1 otherwise (no server is started)")
	flag.Parse()
	if *check != "" {
		os.Exit(healthcheck(*check))
	}

	handler, err := newSite(*root)
	if err != nil {
		log.Fatal(err)
	}
	server := &http.Server{
		Addr:              *addr,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	// Stop cleanly on docker stop (SIGTERM) or Ctrl+C.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-stop
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		server.Shutdown(ctx)
	}()
	log.Printf("serving %s on %s (%d header rules)", *root, *addr, len(handler.rules))
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
