// Its own module, with nothing to import: the input checks use it and load nothing more with it.

/** The credential of a Basic authorization (Request.SetBasicAuth): `user:password` in base64. */
export function basicToken(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64')
}
