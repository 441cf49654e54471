// Commands the app prints for the user to paste: every argument must survive a POSIX shell.

/** An argument as a shell reads it back unchanged: bare when it is safe, else single-quoted. */
export function shellArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
