#!/usr/bin/env bash
# Makes the TLS test fixtures in __tests__/fixtures/tls/ (committed as data; run this only to
# replace them). Needs only openssl (written against OpenSSL 3.0):
#   ca.crt/ca.key                 a test certificate authority, valid 2000–2126
#   server.crt/server.key         signed by the CA for 127.0.0.1, localhost, goproxy.corp.test,
#                                 valid 2020–2120
#   self-signed.crt/.key          the same names and dates, signed by itself
#   expired.crt/expired.key       signed by the CA, valid only during the year 2000
#   legacy-cn.crt/.key            signed by the CA, CN=localhost and no subject alternative names
#                                 (Go refuses it, Node falls back to the CN)
#   rsa.crt/rsa.key               as server.crt with an RSA 2048 key (for RSA key exchange)
#   negative-serial.crt/.key      as server.crt with serial number -4660 (Go refuses to parse it)
# Keys are P-256 (but rsa.key) and unencrypted: they protect nothing but the tests.
#
# Dates: OpenSSL 3.0's `x509 -req` and `req -x509` have no -not_before/-not_after (they arrived
# in 3.4) and -days counts from now, so every certificate is issued with
# `openssl ca -startdate -enddate`, which takes any dates, from a throwaway CA database. Fixed
# past start dates also keep the fixtures valid on a machine whose clock runs behind.
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/__tests__/fixtures/tls"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/db"
cd "$work"
touch db/index.txt
echo 1000 >db/serial

names='DNS:localhost,DNS:goproxy.corp.test,IP:127.0.0.1'

cat >ca.cnf <<EOF
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = $work/db
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[ any ]
commonName = supplied
[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ leaf_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = $names
[ leaf_cn_only_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
EOF

# issue NAME SUBJECT EXTENSIONS START END [SIGNER]: NAME.key, NAME.crt signed by SIGNER (the CA),
# or by itself when SIGNER is absent. KEY=rsa makes an RSA 2048 key.
issue() {
  local name=$1 subject=$2 ext=$3 start=$4 end=$5 signer=${6:-}
  if [ "${KEY:-ec}" = rsa ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$name.key"
  else
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$name.key"
  fi
  openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr"
  local by=(-selfsign -keyfile "$name.key")
  [ -n "$signer" ] && by=(-cert "$signer.crt" -keyfile "$signer.key")
  openssl ca -batch -notext -config ca.cnf -extensions "$ext" "${by[@]}" -in "$name.csr" \
    -startdate "$start" -enddate "$end" -out "$name.crt" 2>/dev/null
}

issue ca '/CN=validate-goproxy test CA' ca_ext 20000101000000Z 21260101000000Z
issue server '/CN=goproxy.corp.test' leaf_ext 20200101000000Z 21200101000000Z ca
issue self-signed '/CN=goproxy.corp.test' leaf_ext 20200101000000Z 21200101000000Z
issue expired '/CN=goproxy.corp.test' leaf_ext 20000101000000Z 20010101000000Z ca
issue legacy-cn '/CN=localhost' leaf_cn_only_ext 20200101000000Z 21200101000000Z ca
KEY=rsa issue rsa '/CN=goproxy.corp.test' leaf_ext 20200101000000Z 21200101000000Z ca
# `openssl ca` takes no negative serial: `x509 -req` does, but only with dates counted from now.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out negative-serial.key
openssl req -new -key negative-serial.key -subj '/CN=goproxy.corp.test' -out negative-serial.csr
openssl x509 -req -in negative-serial.csr -CA ca.crt -CAkey ca.key -set_serial -4660 -days 36500 \
  -sha256 -extfile ca.cnf -extensions leaf_ext -out negative-serial.crt 2>/dev/null

for name in ca server self-signed expired legacy-cn rsa negative-serial; do
  cp "$name.crt" "$name.key" "$out/"
done
chmod 644 "$out"/*.key
openssl verify -CAfile "$out/ca.crt" "$out/server.crt"
echo "wrote $out"
