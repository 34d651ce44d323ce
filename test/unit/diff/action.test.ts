import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI, GitRepo, ROOT, SAMPLE } from './gitRepo';

/**
 * The GitHub Action (action.yml and scripts/github-action.mjs) run locally as a workflow would run
 * it: GitHub's environment variables, an event payload file, a temporary git repository, and a
 * stub of the GitHub REST API on loopback that records every request.
 */

const SCRIPT = join(ROOT, 'scripts', 'github-action.mjs');
const TOKEN = 'test-token-not-a-secret';

interface Recorded {
  method: string;
  path: string;
  authorization?: string;
  body?: { body: string };
}

/** The GitHub API's issue-comment endpoints, as a stub that keeps comments in memory. */
class GitHubStub {
  readonly requests: Recorded[] = [];
  readonly comments: { id: number; body: string; html_url: string }[] = [];
  /** Status to answer POST/PATCH with instead (403: a read-only token). */
  refuseWrites?: number;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request).then(([status, body]) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    }));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(request: IncomingMessage): Promise<[number, unknown]> {
    let text = '';
    for await (const chunk of request) text += chunk;
    const recorded: Recorded = { method: request.method!, path: request.url!, authorization: request.headers.authorization, body: text ? JSON.parse(text) : undefined };
    this.requests.push(recorded);
    const list = /^\/repos\/acme\/fleet\/issues\/7\/comments\?per_page=100&page=(\d+)$/.exec(request.url!);
    if (request.method === 'GET' && list) return [200, list[1] === '1' ? this.comments : []];
    if (this.refuseWrites) return [this.refuseWrites, { message: 'Resource not accessible by integration' }];
    if (request.method === 'POST' && request.url === '/repos/acme/fleet/issues/7/comments') {
      const comment = { id: 100 + this.comments.length, body: recorded.body!.body, html_url: `https://github.com/acme/fleet/pull/7#issuecomment-${100 + this.comments.length}` };
      this.comments.push(comment);
      return [201, comment];
    }
    const patch = /^\/repos\/acme\/fleet\/issues\/comments\/(\d+)$/.exec(request.url!);
    const existing = patch && this.comments.find((c) => c.id === Number(patch[1]));
    if (request.method === 'PATCH' && existing) {
      existing.body = recorded.body!.body;
      return [200, existing];
    }
    return [404, { message: 'Not Found' }];
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(180_000);
  let repo: GitRepo;
  let stub: GitHubStub;
  let apiUrl: string;
  let work: string;
  let baseSha: string;
  let headSha: string;

  before(async () => {
    assert.ok(existsSync(CLI), 'run `npm run build` first');
    repo = new GitRepo('carbon-lens-action-');
    repo.write('fleet.carbon.yaml', SAMPLE);
    baseSha = repo.commit('the sample');
    repo.git('checkout', '-q', '-b', 'more-pods');
    repo.write('fleet.carbon.yaml', SAMPLE.replace('count: 16', 'count: 20'));
    headSha = repo.commit('four more pods');
    stub = new GitHubStub();
    apiUrl = await stub.start();
    work = mkdtempSync(join(tmpdir(), 'carbon-lens-action-env-'));
  });
  after(async () => {
    await stub.stop();
    repo.remove();
    rmSync(work, { recursive: true, force: true });
  });

  /** Runs the action's script with the environment GitHub gives a step, plus the inputs. */
  function runAction(inputs: Record<string, string>, event: object, eventName = 'pull_request'): Promise<{ code: number; stdout: string; summary: string; outputs: Record<string, string> }> {
    const eventPath = join(work, 'event.json');
    const summaryPath = join(work, `summary-${stub.requests.length}-${Date.now()}.md`);
    const outputPath = join(work, `output-${stub.requests.length}-${Date.now()}.txt`);
    writeFileSync(eventPath, JSON.stringify(event));
    writeFileSync(summaryPath, '');
    writeFileSync(outputPath, '');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/fleet',
      GITHUB_SHA: headSha,
      GITHUB_WORKSPACE: repo.dir,
      CARBON_LENS_CLI: CLI,
      INPUT_GITHUB_TOKEN: TOKEN,
    });
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    return new Promise((resolve) => {
      execFile(process.execPath, [SCRIPT], { cwd: repo.dir, env, encoding: 'utf8' }, (error, stdout) => {
        const outputs = Object.fromEntries(readFileSync(outputPath, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
        resolve({ code: error ? Number(error.code) : 0, stdout, summary: readFileSync(summaryPath, 'utf8'), outputs });
      });
    });
  }

  /** The payload of a `pull_request` event, as much of it as the action reads. */
  const prEvent = () => ({ number: 7, pull_request: { number: 7, base: { ref: 'main', sha: baseSha }, head: { ref: 'more-pods', sha: headSha } } });

  it('declares every input it reads and passes each to its script, with no shell interpolation of inputs', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string> }[] }; inputs: Record<string, { description: string }> };
    assert.equal(action.runs.using, 'composite');
    const step = action.runs.steps.find((s) => s.id === 'diff')!;
    for (const name of Object.keys(action.inputs)) {
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      assert.ok(step.env && variable in step.env, `${name} reaches the script as ${variable}`);
      assert.ok(readFileSync(SCRIPT, 'utf8').includes(`input('${name}'`), `the script reads ${name}`);
    }
    for (const s of action.runs.steps) assert.doesNotMatch(s.run ?? '', /\$\{\{\s*inputs\./, 'inputs go through env, never into a shell command');
  });

  it('on a pull request: the diff in the job summary, a comment posted once and then updated in place', async () => {
    const first = await runAction({ comment: 'true' }, prEvent());
    assert.equal(first.code, 0, first.stdout);
    assert.ok(first.summary.startsWith('<!-- carbon-lens-diff -->\n### Carbon Lens: +45\\.6 tCO2e this period (+19%)'), first.summary);
    assert.ok(first.summary.includes(`[fleet\\.carbon\\.yaml\\:14](https://github.com/acme/fleet/blob/${headSha}/fleet.carbon.yaml#L14)`), 'links to the line at the head commit');
    assert.match(first.outputs['delta-kgco2e'], /^45\d{3}(\.\d+)?$/);
    assert.equal(first.outputs.failed, 'false');
    assert.deepEqual(stub.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`), ['GET /repos/acme/fleet/issues/7/comments', 'POST /repos/acme/fleet/issues/7/comments']);
    assert.ok(stub.requests.every((r) => r.authorization === `Bearer ${TOKEN}`));
    assert.equal(stub.comments.length, 1);
    assert.equal(stub.comments[0].body, first.summary.trimEnd() + '\n');
    assert.equal(first.outputs['comment-url'], stub.comments[0].html_url);

    // A second run (a new push to the pull request) with a gate: the same comment is edited, and the step fails.
    stub.requests.length = 0;
    const second = await runAction({ comment: 'true', 'fail-above': '5tCO2e', 'sarif-file': 'carbon.sarif' }, prEvent());
    assert.equal(second.code, 1, second.stdout);
    assert.deepEqual(stub.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`), ['GET /repos/acme/fleet/issues/7/comments', 'PATCH /repos/acme/fleet/issues/comments/100']);
    assert.equal(stub.comments.length, 1, 'no second comment');
    assert.match(stub.comments[0].body, /\*\*Gate: failed\*\*\n\n- ❌ the change \+45\\\.6 tCO2e/);
    assert.equal(second.outputs.failed, 'true');
    assert.match(second.stdout, /::error::Carbon Lens: the change \+45\.6 tCO2e/);
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'carbon.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].tool.driver.name, 'carbon-lens-diff');
    assert.equal(second.outputs['sarif-file'], join(repo.dir, 'carbon.sarif'));
  });

  it('without `comment` it posts nothing; on a push it compares with the commit before', async () => {
    stub.requests.length = 0;
    const quiet = await runAction({}, prEvent());
    assert.equal(quiet.code, 0);
    assert.deepEqual(stub.requests, [], 'no request to the API');
    const push = await runAction({ comment: 'true' }, { before: baseSha, after: headSha }, 'push');
    assert.equal(push.code, 0, push.stdout);
    assert.match(push.summary, /\+45\\\.6 tCO2e this period/);
    assert.match(push.stdout, /not a pull request, so no comment/);
    assert.deepEqual(stub.requests, []);
  });

  it('a token that may not comment: a warning, and the gate\'s verdict still decides the exit code', async () => {
    stub.refuseWrites = 403;
    try {
      stub.comments.length = 0;
      const run = await runAction({ comment: 'true' }, prEvent());
      assert.equal(run.code, 0);
      assert.match(run.stdout, /::warning::Carbon Lens: could not post the pull request comment \(POST .*HTTP 403/);
    } finally {
      stub.refuseWrites = undefined;
    }
  });

  it('a base missing from a shallow checkout, or no base at all: exit 2 with the reason in the summary', async () => {
    const missing = await runAction({ base: 'f00d'.repeat(10) }, prEvent());
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /::error::Carbon Lens: .*is not a commit, branch or tag.*fetch-depth: 0/);
    assert.match(missing.summary, /### Carbon Lens could not compare/);
    const none = await runAction({}, {}, 'workflow_dispatch');
    assert.equal(none.code, 2);
    assert.match(none.stdout, /no base to compare with/);
  });
});
