// Masking that needs no parsing, for text that is not (or not only) one well-formed URL.

// "//user:password@": as in Go's authority the password runs to the last '@' before a '/', and
// it may hold anything else (spaces, '?', '#').
const USERINFO_WITH_PASSWORD = /(\/\/[^/:]*:)[^/]*@/g

// For text a person typed, which may be no valid URL at all: a password with an unescaped '/'
// (a base64 token) runs on to the last '@' of its list item, and is masked all the same.
const LOOSE_USERINFO = /(\/\/[^/:@\s,|]*:)[^\s,|]*@/g

/** Replaces every password in `//user:password@` with "xxxxx", keeping the user name. */
export function maskPasswords(text: string): string {
  return text.replace(USERINFO_WITH_PASSWORD, '$1xxxxx@')
}

/**
 * Masks passwords in raw input, erring on the side of hiding too much: used for error messages
 * about a value that may not parse, which are printed before any secret could be registered.
 */
export function maskPasswordsLoosely(text: string): string {
  return maskPasswords(text).replace(LOOSE_USERINFO, '$1xxxxx@')
}

/** Removes every `//userinfo@` (with or without a password), keeping the `//`. */
export function stripUserinfo(text: string): string {
  return text.replace(/\/\/[^/]*@/g, '//')
}
