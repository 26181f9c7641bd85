// Masking that needs no parsing, for text that is not (or not only) one well-formed URL.
//
// Go's URL.Redacted shows a user name that has no password, but such a name is what Go sends as
// the Basic-auth credential (`https://TOKEN@host` is how many private proxies take a token), so
// here it is masked as a password is.

// "//user:password@": as in Go's authority the password runs to the last '@' before a '/', and
// it may hold anything else (spaces, '?', '#').
const USERINFO_WITH_PASSWORD = /(\/\/[^/:]*:)[^/]*@/g

// "//name@" with no ':' in the user information: the name alone is the credential.
const LONE_USER_NAME = /\/\/[^/:@]+@/g

// For text a person typed, which may be no valid URL at all: a password with an unescaped '/'
// (a base64 token) runs on to the last '@' of its list item, and is masked all the same.
const LOOSE_USERINFO = /(\/\/[^/:@\s,|]*:)[^\s,|]*@/g

/**
 * Replaces every password in `//user:password@` with "xxxxx", keeping the user name, and every
 * lone user name in `//name@` with "xxxxx".
 */
export function maskCredentials(text: string): string {
  return text.replace(USERINFO_WITH_PASSWORD, '$1xxxxx@').replace(LONE_USER_NAME, '//xxxxx@')
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
