import * as http from 'node:http'
import type * as tls from 'node:tls'
import { HttpClient } from '@actions/http-client'
import { USER_AGENT } from '../constants.js'
import type { GoTls } from './go-tls.js'

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
  /** The cipher suites, key exchanges and certificate checks of Go's client (see go-tls.ts). */
  goTls: GoTls
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
 * Agents chosen by @actions/http-client when a proxy variable is set (so HTTPS_PROXY, HTTP_PROXY
 * and NO_PROXY work as in other actions), else the plain keep-alive agent it would hand out (see
 * agentSource), with two repairs. A client keeps one direct and one proxy agent, both made for the
 * protocol of the first URL it saw, so an https URL after an http one got an http agent: here
 * each protocol has its own client. And a proxy that never answers CONNECT would hold the
 * process open after every request gave up: `close` ends those CONNECT requests. Every https
 * agent, direct or tunnelled, speaks TLS as Go's client does and, with `ca`, verifies servers
 * against those CAs.
 */
export function createAgents({ ca, goTls }: AgentOptions): Agents {
  const source = agentSource()
  const connects = new Set<http.ClientRequest>()
  const tracked = new WeakSet<http.Agent>()
  // One context for every connection, built for the first https agent: building one from
  // hundreds of CAs takes tens of ms, which a run over plain http never needs.
  let secureContext: tls.SecureContext | undefined
  const contextOf = (): tls.SecureContext => (secureContext ??= goContext(goTls, ca?.()))
  const speaksGo = new WeakSet<http.Agent>()
  const speakGoTls = (agent: http.Agent): http.Agent => {
    if (speaksGo.has(agent)) return agent
    speaksGo.add(agent)
    // Both https.Agent and the tunnel agents merge `options` into each tls.connect.
    const withOptions = agent as http.Agent & { options?: tls.ConnectionOptions }
    const { checkServerIdentity } = goTls
    withOptions.options = {
      ...withOptions.options,
      secureContext: contextOf(),
      checkServerIdentity
    }
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
        ? speakGoTls(track(source.agentOf(url)))
        : track(source.agentOf(url)),
    close: () => {
      source.close()
      for (const connect of connects) connect.destroy()
    }
  }
}

/** Go's suites and key exchanges; `ca` in place of Node's defaults when given. */
function goContext({ ciphers, ecdhCurve }: GoTls, ca: string[] | undefined): tls.SecureContext {
  const options = { ciphers, ecdhCurve, ...(ca && { ca }) }
  return process.getBuiltinModule('node:tls').createSecureContext(options)
}

const KEEP_ALIVE = { keepAlive: true }

/**
 * One HttpClient a protocol, made when a URL first needs a proxy, and one plain agent a protocol
 * for the URLs that need none.
 */
function agentSource(): Pick<Agents, 'close'> & { agentOf(url: URL): http.Agent } {
  const clients = new Map<string, HttpClient>()
  const direct = new Map<string, http.Agent>()
  return {
    agentOf: url => {
      if (proxyVariableFor(url)) {
        let client = clients.get(url.protocol)
        if (!client)
          clients.set(url.protocol, (client = new HttpClient(USER_AGENT, [], KEEP_ALIVE)))
        return client.getAgent(url.href)
      }
      let agent = direct.get(url.protocol)
      if (!agent) direct.set(url.protocol, (agent = directAgent(url.protocol)))
      return agent
    },
    close: () => {
      for (const client of clients.values()) client.dispose()
      for (const agent of direct.values()) agent.destroy()
    }
  }
}

/**
 * The variable @actions/http-client reads for a URL's proxy (lib/proxy.js getProxyUrl). Without
 * one it hands out a plain keep-alive agent, made here the same way: loading the client loads
 * https, tls and tunnel, ~10 ms of every start that a run over plain http never uses.
 */
function proxyVariableFor(url: URL): string | undefined {
  const env = process.env
  return url.protocol === 'https:'
    ? env.https_proxy || env.HTTPS_PROXY
    : env.http_proxy || env.HTTP_PROXY
}

/** The agent HttpClient makes when no proxy applies: keep-alive, no cap on sockets. */
function directAgent(protocol: string): http.Agent {
  const options: http.AgentOptions = { keepAlive: true, maxSockets: Infinity }
  return protocol === 'https:'
    ? new (process.getBuiltinModule('node:https').Agent)(options)
    : new http.Agent(options)
}

function isTunnelAgent(agent: http.Agent): agent is TunnelAgent {
  return 'proxyOptions' in agent && typeof (agent as Partial<TunnelAgent>).request === 'function'
}
