import type * as http from 'node:http'
import * as tls from 'node:tls'
import { HttpClient } from '@actions/http-client'
import { USER_AGENT } from '../constants.js'

export interface Agents {
  /** The agent for a URL: direct, or through HTTPS_PROXY/HTTP_PROXY unless NO_PROXY says not. */
  agentFor(url: URL): http.Agent
  /** Closes kept-alive connections and proxy tunnels still being opened. */
  close(): void
}

export interface AgentOptions {
  /**
   * The CA certificates to trust instead of Node's defaults (see trust.ts), asked for when the
   * first https agent is handed out.
   */
  ca?: () => string[] | undefined
}

/**
 * The `tunnel` agents @actions/http-client uses for proxies open each tunnel with an HTTP CONNECT
 * request made by their `request` property; nothing times such a request out or ends it.
 */
interface TunnelAgent extends http.Agent {
  proxyOptions: unknown
  request: (options: http.RequestOptions) => http.ClientRequest
}

/**
 * Agents chosen by @actions/http-client (so HTTPS_PROXY, HTTP_PROXY and NO_PROXY work as in other
 * actions), with two repairs. A client keeps one direct and one proxy agent, both made for the
 * protocol of the first URL it saw, so an https URL after an http one got an http agent: here
 * each protocol has its own client. And a proxy that never answers CONNECT would hold the
 * process open after every request gave up: `close` ends those CONNECT requests. With `ca`, every
 * https agent, direct or tunnelled, verifies servers against those CAs.
 */
export function createAgents({ ca }: AgentOptions = {}): Agents {
  const clients = {
    'http:': new HttpClient(USER_AGENT, [], { keepAlive: true }),
    'https:': new HttpClient(USER_AGENT, [], { keepAlive: true })
  }
  const connects = new Set<http.ClientRequest>()
  const tracked = new WeakSet<http.Agent>()
  // One context for every connection, built for the first https agent: building one from
  // hundreds of CAs takes tens of ms, which a run over plain http never needs.
  let secureContext: tls.SecureContext | undefined | null
  const contextOf = (): tls.SecureContext | undefined => {
    if (secureContext === undefined) {
      const list = ca?.()
      secureContext = list ? tls.createSecureContext({ ca: list }) : null
    }
    return secureContext ?? undefined
  }
  const trusted = new WeakSet<http.Agent>()
  const trust = (agent: http.Agent): http.Agent => {
    const secureContext = contextOf()
    if (!secureContext || trusted.has(agent)) return agent
    trusted.add(agent)
    // Both https.Agent and the tunnel agents merge `options` into each tls.connect.
    const withOptions = agent as http.Agent & { options?: tls.ConnectionOptions }
    withOptions.options = { ...withOptions.options, secureContext }
    return agent
  }
  const track = (agent: http.Agent): http.Agent => {
    if (tracked.has(agent) || !isTunnelAgent(agent)) return agent
    tracked.add(agent)
    const open = agent.request
    agent.request = options => {
      const connect = open(options)
      connects.add(connect)
      connect.once('close', () => connects.delete(connect))
      return connect
    }
    return agent
  }
  return {
    agentFor: url =>
      url.protocol === 'https:'
        ? trust(track(clients['https:'].getAgent(url.href)))
        : track(clients['http:'].getAgent(url.href)),
    close: () => {
      for (const client of Object.values(clients)) client.dispose()
      for (const connect of connects) connect.destroy()
    }
  }
}

function isTunnelAgent(agent: http.Agent): agent is TunnelAgent {
  return 'proxyOptions' in agent && typeof (agent as Partial<TunnelAgent>).request === 'function'
}
