// Stands in for undici in the bundles (script/build.mjs). @actions/http-client imports undici for
// one method, getAgentDispatcher() (a dispatcher for fetch through a proxy), that neither this
// action nor @actions/cache calls; undici is half of the bundle and a third of its start-up time.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'validate-goproxy bundles @actions/http-client without undici: getAgentDispatcher() is unavailable'
    )
  }
}
