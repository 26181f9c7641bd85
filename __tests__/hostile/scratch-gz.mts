import * as http from 'node:http'
import { gzipSync } from 'node:zlib'
import { createHttpGetter } from '../../src/http/get.js'
const body = gzipSync(Buffer.from('x'.repeat(100000)))
const mode = process.argv[2]
const s = http.createServer((req, res) => {
  res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length })
  if (mode === 'reset') { res.write(body.subarray(0, 100)); setTimeout(() => req.socket.destroy(), 50) }
  else { let i = 0; const t = setInterval(() => { if (i >= body.length || res.destroyed) return clearInterval(t); res.write(body.subarray(i, i + 1)); i++ }, 200) }
})
s.listen(0, '127.0.0.1', async () => {
  const port = (s.address() as any).port
  const g = createHttpGetter()
  const t0 = Date.now()
  const timer = setTimeout(() => { console.log('STILL PENDING after 5s'); process.exit(3) }, 5000)
  try { await g.get({ url: `http://127.0.0.1:${port}/x`, timeoutMs: 1500, maxBytes: 1 << 20 }) ; console.log('ok') }
  catch (e) { console.log('err', (e as any).kind, (e as Error).message, Date.now() - t0) }
  clearTimeout(timer); g.close(); s.close(); s.closeAllConnections()
})
