#!/usr/bin/env node
// The script of the Carbon Lens GitHub Action (action.yml): runs `carbon-lens diff` against the
// pull request's base, writes the Markdown to the job summary, optionally posts or updates one
// pull-request comment (found by its hidden marker) with the workflow token, optionally writes
// SARIF, sets outputs, and exits with the diff's code (1: the gate failed, 2: nothing compared).
//
// Node built-ins only. The only network access is the GitHub REST API ($GITHUB_API_URL), and only
// when `comment` is true. Inputs come as INPUT_* environment variables (set by action.yml), never
// through a shell string.
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '<!-- carbon-lens-diff -->';
/** GitHub refuses comment bodies above 65,536 characters. */
const MAX_COMMENT = 65_000;

const input = (name, fallback = '') => (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback).trim();

function log(line) {
  process.stdout.write(`${line}\n`);
}

/** A workflow command (::warning:: / ::error::), its message escaped as GitHub documents. */
function annotate(kind, message) {
  log(`::${kind}::${String(message).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
}

function readEvent() {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    annotate('warning', `Carbon Lens: could not read the event payload ${path}: ${error.message}`);
    return {};
  }
}

/** The ref to compare with: the input, else the pull request's merge base, else the commit before a push. */
export function baseRef(event, given) {
  if (given) return given;
  const pr = event.pull_request;
  // `BASE...HEAD` is the merge base: right both for the merge commit actions/checkout makes of a
  // pull request (whose first parent is the base) and for a checkout of the head branch.
  if (pr?.base?.sha) return `${pr.base.sha}...HEAD`;
  if (event.before && !/^0+$/.test(event.before)) return event.before;
  return undefined;
}

function run(cli, args, cwd) {
  return new Promise((resolveRun) => {
    execFile(process.execPath, [cli, ...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      resolveRun({ code, stdout, stderr });
    });
  });
}

function setOutputs(values) {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(file, Object.entries(values).map(([k, v]) => `${k}=${String(v).replace(/[\r\n]+/g, ' ')}\n`).join(''));
}

function summary(markdown) {
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
}

async function api(method, path, token, body) {
  const base = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'carbon-lens-action',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Posts the comment, or edits the one an earlier run posted (the latest comment starting with the marker). */
export async function upsertComment(repository, number, body, token) {
  const [owner, repo] = repository.split('/').map(encodeURIComponent);
  let ours;
  for (let page = 1; page <= 50; page++) {
    const comments = await api('GET', `/repos/${owner}/${repo}/issues/${number}/comments?per_page=100&page=${page}`, token);
    for (const c of comments) if (typeof c.body === 'string' && c.body.startsWith(MARKER)) ours = c;
    if (comments.length < 100) break;
  }
  if (ours) {
    try {
      const updated = await api('PATCH', `/repos/${owner}/${repo}/issues/comments/${ours.id}`, token, { body });
      return { action: 'updated', url: updated?.html_url ?? '' };
    } catch (error) {
      // Someone else's comment with our marker (the token cannot edit it): post our own.
      if (!/HTTP (403|404)/.test(error.message)) throw error;
    }
  }
  const created = await api('POST', `/repos/${owner}/${repo}/issues/${number}/comments`, token, { body });
  return { action: 'created', url: created?.html_url ?? '' };
}

function commentBody(markdown) {
  if (markdown.length <= MAX_COMMENT) return markdown;
  return `${markdown.slice(0, MAX_COMMENT)}\n\n_… cut to GitHub's comment limit: the job summary has the whole diff._\n`;
}

export async function main() {
  const event = readEvent();
  const cli = process.env.CARBON_LENS_CLI || join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
  const cwd = resolve(input('working-directory', '.') || '.');
  const base = baseRef(event, input('base'));
  if (!base) {
    const message = 'Carbon Lens: no base to compare with. On pull_request and push events the action finds it; otherwise set the `base` input (a branch, tag or commit).';
    annotate('error', message);
    summary(`${MARKER}\n> ${message}`);
    return 2;
  }
  const files = input('files').split(/\s+/).filter(Boolean);
  const options = ['--base', base, '--view', input('view', 'period') || 'period', '--fail-on', input('fail-on', 'central') || 'central'];
  if (input('fail-above')) options.push('--fail-above', input('fail-above'));
  if (input('methodology')) options.push('--methodology', input('methodology'));

  const markdown = await run(cli, ['diff', '--format', 'markdown', ...options, ...files], cwd);
  if (markdown.code === 2 || !markdown.stdout) {
    const why = markdown.stderr.trim() || `carbon-lens diff exited with ${markdown.code}`;
    const hint = /is not a commit, branch or tag/.test(why) ? ' The base commit is not in the checkout: check out with `fetch-depth: 0` (actions/checkout).' : '';
    annotate('error', `Carbon Lens: ${why}${hint}`);
    summary(`${MARKER}\n### Carbon Lens could not compare\n\n\`\`\`\n${why}\n\`\`\`\n${hint}`);
    setOutputs({ failed: 'true' });
    return 2;
  }
  summary(markdown.stdout);

  const json = await run(cli, ['diff', '--format', 'json', ...options, ...files], cwd);
  const diff = JSON.parse(json.stdout);
  const outputs = {
    'base-kgco2e': diff.base.kgCO2e,
    'head-kgco2e': diff.head.kgCO2e,
    'delta-kgco2e': diff.delta.kgCO2e,
    'delta-min-kgco2e': diff.delta.min,
    'delta-max-kgco2e': diff.delta.max,
    'delta-percent': diff.delta.percent === null ? '' : diff.delta.percent * 100,
    failed: String(markdown.code === 1),
  };

  const sarifFile = input('sarif-file');
  if (sarifFile) {
    const sarif = await run(cli, ['diff', '--format', 'sarif', ...options, ...files], cwd);
    writeFileSync(resolve(cwd, sarifFile), sarif.stdout);
    outputs['sarif-file'] = resolve(cwd, sarifFile);
    log(`Carbon Lens: SARIF written to ${outputs['sarif-file']}`);
  }

  if (input('comment', 'false') === 'true') {
    const number = event.pull_request?.number;
    const token = input('github-token');
    if (!number) log('Carbon Lens: not a pull request, so no comment (the job summary has the diff).');
    else if (!token) annotate('warning', 'Carbon Lens: `comment` is true but there is no token (github-token input).');
    else {
      try {
        const done = await upsertComment(process.env.GITHUB_REPOSITORY ?? '', number, commentBody(markdown.stdout), token);
        outputs['comment-url'] = done.url;
        log(`Carbon Lens: pull request comment ${done.action}${done.url ? `: ${done.url}` : ''}`);
      } catch (error) {
        // A comment that cannot be posted (a fork's read-only token, no pull-requests: write) does not hide the gate's verdict.
        annotate('warning', `Carbon Lens: could not post the pull request comment (${error.message}). Give the job \`permissions: pull-requests: write\`.`);
      }
    }
  }
  setOutputs(outputs);
  log(`Carbon Lens: ${diff.delta.kgCO2e >= 0 ? '+' : ''}${Math.round(diff.delta.kgCO2e)} kgCO2e vs ${base}${markdown.code === 1 ? ' — the gate failed' : ''}`);
  if (markdown.code === 1) annotate('error', `Carbon Lens: ${diff.gate.checks.filter((c) => c.failed).map((c) => c.message).join('; ')}`);
  return markdown.code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code), (error) => {
    annotate('error', `Carbon Lens action failed: ${error?.stack ?? error}`);
    process.exit(2);
  });
}
