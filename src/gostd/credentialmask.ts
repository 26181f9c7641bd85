// Masking that needs no parsing, for text that is not (or not only) one well-formed URL.

// "//user:password@": as in Go's authority the password runs to the last '@' before a '/', and
// it may hold anything else (spaces, '?', '#'), so that an odd input never shows it.
const USERINFO_WITH_PASSWORD = /(\/\/[^/:]*:)[^/]*@/g

/** Replaces every password in `//user:password@` with "xxxxx", keeping the user name. */
export function maskPasswords(text: string): string {
  return text.replace(USERINFO_WITH_PASSWORD, '$1xxxxx@')
}

/** Removes every `//userinfo@` (with or without a password), keeping the `//`. */
export function stripUserinfo(text: string): string {
  return text.replace(/\/\/[^/]*@/g, '//')
}
