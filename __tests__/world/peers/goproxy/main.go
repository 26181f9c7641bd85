// A real Go module proxy, github.com/goproxy/goproxy at a pinned version, as a peer of the tests
// (__tests__/world/goproxy-peer.ts builds and starts it). It fetches through the GOPROXY it is
// given, verifies against the GOSUMDB it is given, proxies the checksum databases it is given,
// listens on a free port of 127.0.0.1 and prints its base URL as its first line. It exits when its
// stdin ends: the test process that started it holds the other end, so it never outlives the tests.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/goproxy/goproxy"
)

func main() {
	upstream := flag.String("goproxy", "off", "GOPROXY of the fetcher")
	gosumdb := flag.String("gosumdb", "off", "GOSUMDB of the fetcher")
	sumdbs := flag.String("proxied-sumdbs", "", "checksum databases to proxy: ';'-separated '<name> <url>'")
	dir := flag.String("dir", "", "cache and temp directory")
	flag.Parse()

	env := append(os.Environ(), "GOPROXY="+*upstream, "GOSUMDB="+*gosumdb, "GONOSUMDB=", "GOPRIVATE=")
	g := &goproxy.Goproxy{
		Fetcher: &goproxy.GoFetcher{Env: env, TempDir: *dir},
		Cacher:  goproxy.DirCacher(*dir),
		TempDir: *dir,
	}
	if *sumdbs != "" {
		g.ProxiedSumDBs = strings.Split(*sumdbs, ";")
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go func() {
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	fmt.Printf("http://%s\n", listener.Addr())
	if err := http.Serve(listener, g); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
