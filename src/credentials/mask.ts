// Masking that needs no parsing, for text that is not (or not only) one well-formed URL.
//
// Go's URL.Redacted shows a user name that has no password, but such a name is what Go sends as
// the Basic-auth credential (`https://TOKEN@host` is how many private proxies take a token), so
// here it is masked as a password is.

// "//userinfo@": as in Go's authority the user information runs to the last '@' before a '/',
// the user name to its first ':', and the password may hold anything else (spaces, '?', '#').
const USERINFO = /\/\/([^/]*)@/g

// For text a person typed, which may be no valid URL at all: a password with an unescaped '/'
// (a base64 token) runs on to the last '@' of its list item, and is masked all the same.
const LOOSE_USERINFO = /(\/\/[^/:@\s,|]*:)[^\s,|]*@/g

/**
 * Replaces every password in `//user:password@` with "xxxxx", keeping the user name, and a user
 * name with no password (or an empty one) with "xxxxx": then the name is the credential.
 */
export function maskCredentials(text: string): string {
  return text.replace(USERINFO, (_, userinfo: string) => {
    if (userinfo === '') return '//@'
    const colon = userinfo.indexOf(':')
    const hasPassword = colon >= 0 && colon < userinfo.length - 1
    return hasPassword ? `//${userinfo.slice(0, colon)}:xxxxx@` : '//xxxxx@'
  })
}

/**
 * Masks credentials in raw input, erring on the side of hiding too much: used for error messages
 * about a value that may not parse, which are printed before any secret could be registered.
 */
export function maskCredentialsLoosely(text: string): string {
  return maskCredentials(text).replace(LOOSE_USERINFO, '$1xxxxx@')
}

/** Removes every `//userinfo@` (with or without a password), keeping the `//`. */
export function stripUserinfo(text: string): string {
  return text.replace(/\/\/[^/]*@/g, '//')
}
