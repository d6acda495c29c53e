package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small built site in a temporary folder, like dist/.
func testSite(t *testing.T) *site {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"_headers":                  "# comment\n/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: frame-ancestors 'none'\n\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n",
		"index.html":                "<h1>home</h1>",
		"404.html":                  "<h1>not found</h1>",
		"course/intro/index.html":   "<h1>intro</h1>",
		"_astro/page.abc.js":        "export {}",
		"_astro/site.css":           "body{}",
		"pagefind/wasm.en.pagefind": "\x00asm",
		"pagefind/pagefind.js":      "export {}",
		"engine.wasm":               "\x00asm",
		"sitemap-index.xml":         "<sitemapindex/>",
		"robots.txt":                "User-agent: *",
		"replay/casts/demo.cast":    "{\"version\":3}",
		"empty/readme.md":           "no index here",
		".hidden":                   "secret",
	}
	for name, content := range files {
		file := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := newSite(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, s *site, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	recorder := httptest.NewRecorder()
	s.ServeHTTP(recorder, httptest.NewRequest(method, target, nil))
	return recorder
}

func TestServesPagesWithTheirTypes(t *testing.T) {
	s := testSite(t)
	cases := []struct{ path, body, contentType string }{
		{"/", "<h1>home</h1>", "text/html; charset=utf-8"},
		{"/course/intro/", "<h1>intro</h1>", "text/html; charset=utf-8"},
		{"/_astro/page.abc.js", "export {}", "text/javascript; charset=utf-8"},
		{"/_astro/site.css", "body{}", "text/css; charset=utf-8"},
		{"/engine.wasm", "\x00asm", "application/wasm"},
		{"/pagefind/wasm.en.pagefind", "\x00asm", "application/octet-stream"},
		{"/sitemap-index.xml", "<sitemapindex/>", "application/xml"},
		{"/robots.txt", "User-agent: *", "text/plain; charset=utf-8"},
		{"/replay/casts/demo.cast", "{\"version\":3}", "text/plain; charset=utf-8"},
	}
	for _, c := range cases {
		response := get(t, s, http.MethodGet, c.path)
		if response.Code != http.StatusOK || response.Body.String() != c.body {
			t.Errorf("%s: got %d %q, want 200 %q", c.path, response.Code, response.Body.String(), c.body)
		}
		if got := response.Header().Get("Content-Type"); got != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.contentType)
		}
		if got := response.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", c.path, got)
		}
	}
}

func TestAppliesTheHeadersFile(t *testing.T) {
	s := testSite(t)
	page := get(t, s, http.MethodGet, "/course/intro/")
	if page.Header().Get("X-Frame-Options") != "DENY" || page.Header().Get("Content-Security-Policy") != "frame-ancestors 'none'" {
		t.Errorf("page headers: %v", page.Header())
	}
	if page.Header().Get("Cache-Control") != "" {
		t.Errorf("pages must not be cached as immutable: %q", page.Header().Get("Cache-Control"))
	}
	bundle := get(t, s, http.MethodGet, "/_astro/page.abc.js")
	if !strings.Contains(bundle.Header().Get("Cache-Control"), "immutable") || bundle.Header().Get("X-Frame-Options") != "DENY" {
		t.Errorf("bundle headers: %v", bundle.Header())
	}
}

func TestNotFoundNoListingNoHiddenFiles(t *testing.T) {
	s := testSite(t)
	for _, target := range []string{"/nope/", "/empty/", "/empty", "/_headers", "/.hidden", "/../../etc/passwd", "/_astro/missing.js"} {
		response := get(t, s, http.MethodGet, target)
		if response.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, response.Code)
		}
		if response.Body.String() != "<h1>not found</h1>" {
			t.Errorf("%s: body %q, want the site's 404 page", target, response.Body.String())
		}
		if response.Header().Get("Content-Type") != "text/html; charset=utf-8" || response.Header().Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", target, response.Header())
		}
		if response.Header().Get("Cache-Control") != "" {
			t.Errorf("%s: a 404 must not be cached as immutable", target)
		}
	}
}

func TestRedirectsFoldersToTheirSlash(t *testing.T) {
	s := testSite(t)
	response := get(t, s, http.MethodGet, "/course/intro?x=1")
	if response.Code != http.StatusMovedPermanently || response.Header().Get("Location") != "/course/intro/?x=1" {
		t.Errorf("got %d to %q", response.Code, response.Header().Get("Location"))
	}
}

// The /replay/ page asks for the end of a long recording first (Range: bytes=-N) to show its last frame early.
func TestServesTheEndOfARecording(t *testing.T) {
	s := testSite(t)
	recorder := httptest.NewRecorder()
	request := httptest.NewRequest(http.MethodGet, "/replay/casts/demo.cast", nil)
	request.Header.Set("Range", "bytes=-3")
	s.ServeHTTP(recorder, request)
	if recorder.Code != http.StatusPartialContent || recorder.Body.String() != ":3}" {
		t.Fatalf("got %d %q, want 206 \":3}\"", recorder.Code, recorder.Body.String())
	}
	if got := recorder.Header().Get("Content-Range"); got != "bytes 10-12/13" {
		t.Errorf("Content-Range %q, want \"bytes 10-12/13\"", got)
	}
	if got := recorder.Header().Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding %q: a range of re-encoded bytes is of no use to the page", got)
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	s := testSite(t)
	head := get(t, s, http.MethodHead, "/")
	if head.Code != http.StatusOK || head.Body.Len() != 0 {
		t.Errorf("HEAD: %d with %d bytes", head.Code, head.Body.Len())
	}
	post := get(t, s, http.MethodPost, "/")
	if post.Code != http.StatusMethodNotAllowed || post.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", post.Code, post.Header().Get("Allow"))
	}
}

func TestParseHeadersRejectsAHeaderOutsideARule(t *testing.T) {
	if _, err := parseHeaders(strings.NewReader("  X-A: b\n")); err == nil {
		t.Error("want an error")
	}
}

func TestReadsTheRealHeadersFile(t *testing.T) {
	file, err := os.Open(filepath.Join("..", "public", "_headers"))
	if err != nil {
		t.Skip("public/_headers not found next to server/:", err)
	}
	defer file.Close()
	rules, err := parseHeaders(file)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, rule := range rules {
		if rule.pattern == "/*" {
			for _, header := range rule.headers {
				found[strings.ToLower(header[0])] = true
			}
		}
	}
	for _, name := range []string{"strict-transport-security", "x-content-type-options", "referrer-policy", "permissions-policy", "content-security-policy"} {
		if !found[name] {
			t.Errorf("public/_headers sets no %s for /*", name)
		}
	}
}
