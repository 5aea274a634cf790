// Printing: the table of calls, the tampered request and the verdict.

/** `ASIAXXXXXXXXABCD` -> `ASIA…ABCD`: enough to recognise a key id, not to copy it. */
export function maskKeyId(accessKeyId) {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

function table(header, rows) {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) =>
    cells
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function echoOf(row) {
  if (row.error) return `error: ${row.error.name}${row.error.code ? ` ${row.error.code}` : ''}: ${row.error.message}`;
  if (row.status < 200 || row.status >= 300) return `answer: ${JSON.stringify(row.data)}`;
  const [name, value] = Object.entries(row.echoed)[0];
  return `${name} ${JSON.stringify(value)}`;
}

export function printCalls(rows) {
  console.log('\nSigned calls (GET ?client=<name>, POST {"client":"<name>"}, with x-api-key):\n');
  const cells = rows.map((row) => [row.client, row.method, row.status || '-', echoOf(row), `${row.ms.toFixed(1)} ms`]);
  console.log(table(['client', 'method', 'status', 'echoed', 'time'], cells));
}

/** AWS quotes the session token in its canonical request; a demo log should not. */
function redactSessionToken(text) {
  return text.replace(/^(x-amz-security-token:).*$/gim, '$1<session token, redacted>');
}

export function printTampered(result) {
  console.log('\nTampered request: POST signed with body', result.signedBody, 'but sent with', result.sentBody);
  console.log(`  payload hash we signed: ${result.signedPayloadHash} (the gateway's, below, is of the bytes it got)`);
  console.log(`-> ${result.status} ${result.errorType ?? ''}`.trimEnd());
  console.log(
    redactSessionToken(String(result.message))
      .split('\n')
      .map((line) => `   ${line}`.trimEnd())
      .join('\n'),
  );
}

/** Prints the outcome; true when all six calls got 2xx and the tampered request got 403. */
export function printVerdict(rows, tampered) {
  const succeeded = rows.filter((row) => row.status >= 200 && row.status < 300).length;
  const refused = tampered.status === 403;
  const ok = succeeded === 6 && rows.length === 6 && refused;
  console.log(
    `\n${ok ? 'OK' : 'FAILED'}: ${succeeded}/${rows.length} signed calls succeeded; ` +
      `tampered request ${refused ? 'refused (403)' : `NOT refused (${tampered.status})`}.`,
  );
  return ok;
}

/** Calls a credentials provider once, for the header of the demo, with a message that says what failed. */
export async function assumeRoleOnce(credentials, roleArn, hint = '') {
  try {
    return await credentials();
  } catch (error) {
    throw new Error(`AssumeRole of ${roleArn} as session1 failed: ${error.message}${hint ? `\n  ${hint}` : ''}`, {
      cause: error,
    });
  }
}
