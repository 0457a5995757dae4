import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';

interface Step { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown> }
interface Job { 'runs-on': string; needs?: string | string[]; environment?: { name: string; url: string }; steps: Step[] }
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string };
  jobs: Record<string, Job>;
}

const workflow = yaml.load(readFileSync(path.join(repoRoot, '.github/workflows/publish.yml'), 'utf8')) as Workflow;
const build = workflow.jobs.build!;
const deploy = workflow.jobs.deploy!;

/** The real actions the workflow may use, each at the major version it was written for. */
const KNOWN_ACTIONS = [
  'actions/checkout@v4',
  'actions/setup-node@v4',
  'actions/configure-pages@v5',
  'actions/cache@v4',
  'actions/upload-pages-artifact@v3',
  'actions/deploy-pages@v4',
];

/** A step as `uses` or `run`, for comparing the order of a job's steps. */
const stepOf = (step: Step): string => step.uses ?? `run: ${step.run ?? ''}`;

/** The one step of a job that uses an action, failing the test when there is not exactly one. */
function stepUsing(job: Job, action: string): Step {
  const steps = job.steps.filter((s) => s.uses === action);
  expect(steps).toHaveLength(1);
  return steps[0]!;
}

describe('publish workflow', () => {
  it('runs on push to main and by hand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it('has the Pages permissions and one publication at a time', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency.group).toBe('pages');
  });

  it('builds in order: checkout, node, npm ci, cache, check, configure pages, build, upload', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'deploy']);
    expect(build.steps.map(stepOf)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'run: npm ci',
      'actions/cache@v4',
      'run: node bin/bantin.js check',
      'actions/configure-pages@v5',
      'run: node bin/bantin.js build --base-url "${{ steps.pages.outputs.base_url }}"',
      'actions/upload-pages-artifact@v3',
    ]);
  });

  it('uses only known actions at pinned major versions', () => {
    const used = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(used.filter((action) => !KNOWN_ACTIONS.includes(action))).toEqual([]);
    expect(new Set(used)).toEqual(new Set(KNOWN_ACTIONS));
  });

  it('sets up Node 20 with the npm cache and takes the base URL from Pages', () => {
    expect(stepUsing(build, 'actions/setup-node@v4').with).toEqual({ 'node-version': 20, cache: 'npm' });
    expect(stepUsing(build, 'actions/configure-pages@v5').id).toBe('pages');
  });

  it('keeps .bantin-cache between runs, keyed on the OS, the lockfile and the commit', () => {
    expect(stepUsing(build, 'actions/cache@v4').with).toEqual({
      path: '.bantin-cache',
      key: "bantin-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ github.sha }}",
      'restore-keys': "bantin-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-\nbantin-${{ runner.os }}-\n",
    });
  });

  it('uploads dist and deploys it to the github-pages environment', () => {
    expect(stepUsing(build, 'actions/upload-pages-artifact@v3').with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps.map(stepOf)).toEqual(['actions/deploy-pages@v4']);
    expect(stepUsing(deploy, 'actions/deploy-pages@v4').id).toBe('deployment');
  });
});
