/* eslint-disable @typescript-eslint/no-require-imports -- webpack loads require() on demand */
// Stands in for @actions/http-client in the bundles. @actions/core imports it for getIDToken,
// which this action never calls; loading it at start loads http, https, tls and tunnel, which an
// input error never needs. The real package is loaded when first used (by the engine's proxy
// agents or the Actions cache). Required by its path: the name would resolve to this file again.
const lazyNamespace = require('./namespace.js')

module.exports = lazyNamespace(() =>
  require('../../node_modules/@actions/http-client/lib/index.js')
)
