// Writes the rule tables of docs/diagnostics.md from the rule registry (contracts/rules.ts), so the
// reference never drifts from the code. The prose around the tables is kept: each table sits
// between `<!-- rules:CATEGORY -->` and `<!-- /rules -->`.
// Run after the TypeScript has been transpiled to out/:  npm run build && node scripts/gen-diagnostics-doc.mjs
// `--check` exits 1 when the file is out of date (npm test runs it).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const outDir = resolve(args.find((a) => !a.startsWith('--')) ?? 'out');
const target = resolve('docs/diagnostics.md');
const { RULES, RULE_CATEGORIES } = createRequire(import.meta.url)(join(outDir, 'contracts', 'rules.js'));

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function severity(rule) {
  if (rule.budgetSeverity) return `the budget's \`severity\` (default ${rule.severity}; \`carbonLens.budgetSeverity\` or \`--budget-severity\` can force it)`;
  if (rule.unlisted) return `${rule.severity} (never listed as a diagnostic)`;
  return rule.severity;
}

function table(category) {
  const rules = RULES.filter((r) => r.category === category);
  const fixes = rules.some((r) => r.fix);
  const head = ['Code', 'Severity', 'When', ...(fixes ? ['Quick fix'] : [])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rules) {
    const when = `${r.doc}${r.reportOnly ? ' (report only)' : ''}`;
    lines.push(`| \`${r.code}\` | ${cell(severity(r))} | ${cell(when)} |${fixes ? (r.fix ? ` ${cell(r.fix)} |` : ' |') : ''}`);
  }
  const hidden = rules.filter((r) => r.completeness).map((r) => `\`${r.code}\``);
  if (hidden.length > 0) {
    const which = hidden.length === rules.length ? 'all of these' : hidden.join(', ');
    lines.push('', `The \`carbonLens.completeness\` setting (\`--no-completeness\` in the CLI) hides ${which}; the estimates stay in the totals.`);
  }
  return lines.join('\n');
}

function render(text) {
  const seen = new Set();
  const out = text.replace(/(<!-- rules:([a-z]+) -->)[\s\S]*?(<!-- \/rules -->)/g, (_, open, category, close) => {
    if (!RULE_CATEGORIES[category]) throw new Error(`docs/diagnostics.md: unknown rule category "${category}"`);
    seen.add(category);
    return `${open}\n${table(category)}\n${close}`;
  });
  const missing = Object.keys(RULE_CATEGORIES).filter((c) => !seen.has(c));
  if (missing.length > 0) throw new Error(`docs/diagnostics.md has no table for ${missing.join(', ')}: add a "<!-- rules:CATEGORY -->" … "<!-- /rules -->" block under its heading`);
  return out;
}

const current = readFileSync(target, 'utf8');
const next = render(current);
if (check) {
  if (next !== current) {
    console.error('docs/diagnostics.md is out of date with contracts/rules.ts: run npm run build && node scripts/gen-diagnostics-doc.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, next);
  console.log(`docs/diagnostics.md written from ${outDir}`);
}
