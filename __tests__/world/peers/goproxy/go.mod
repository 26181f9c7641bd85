module validate-goproxy.test/peers/goproxy

go 1.23.0

require github.com/goproxy/goproxy v0.21.0

require golang.org/x/mod v0.25.0 // indirect
