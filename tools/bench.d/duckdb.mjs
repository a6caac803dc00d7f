// node tools/bench.d/duckdb.mjs NODE_DIR FILE.sql [KEY=VALUE ...]
//
// tools/bench's DuckDB runner: opens an in-memory DuckDB (the @duckdb/node-api package,
// installed by tools/bench with `npm install --prefix NODE_DIR`; nothing is committed),
// runs common.sql (macros and the profile's tables) and then FILE.sql, with every ${KEY}
// replaced by VALUE (paths, the month, the budget), statement by statement, and prints a
// line for each COPY with the rows it wrote, e.g.
// "COPY 752259" for a COPY ... TO. tools/bench times this whole process, Node's start and
// DuckDB's load included (about 0.1 s), as a user running a SQL script would pay them.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [nodeDir, sqlFile, ...pairs] = process.argv.slice(2);
if (!nodeDir || !sqlFile) {
  console.error('usage: duckdb.mjs NODE_DIR FILE.sql [KEY=VALUE ...]');
  process.exit(2);
}
const require = createRequire(path.resolve(nodeDir, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const values = {};
for (const p of pairs) {
  const eq = p.indexOf('=');
  if (eq < 1) { console.error(`duckdb.mjs: not KEY=VALUE: ${p}`); process.exit(2); }
  values[p.slice(0, eq)] = p.slice(eq + 1);
}
const common = readFileSync(new URL('common.sql', import.meta.url), 'utf8');
const sql = (common + '\n' + readFileSync(sqlFile, 'utf8')).replace(/\$\{([A-Z_0-9]+)\}/g, (_, k) => {
  if (!(k in values)) { console.error(`duckdb.mjs: ${sqlFile} needs ${k}=...`); process.exit(2); }
  return values[k].replaceAll("'", "''");
});

const instance = await DuckDBInstance.create(':memory:', values.THREADS ? { threads: values.THREADS } : {});
const con = await instance.connect();
// Statements end with ';' at the end of a line (the SQL files keep to that).
for (const stmt of sql.split(/;[ \t]*\r?\n/)) {
  const body = stmt.replace(/^\s*(--[^\n]*\n\s*)*/, '').trim();
  if (!body) continue;
  const result = await con.run(body);
  if (/^COPY\b/i.test(body)) console.log(`COPY ${result.rowsChanged}`);
}
con.closeSync();
instance.closeSync();
