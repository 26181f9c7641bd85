/* eslint-disable @typescript-eslint/no-require-imports -- webpack loads require() on demand */
// Stands in for yaml in the bundles: only a `profiles` input needs it, so it is evaluated when
// first called, not with the code that reads the inputs. Its code is still read with that code:
// buildPlan is synchronous, so yaml cannot come in a chunk of its own. Required by its path: the
// name `yaml` would resolve to this file again.
const lazyNamespace = require('./namespace.js')

module.exports = lazyNamespace(() => require('../../node_modules/yaml/dist/index.js'))
