/**
 * The GitHub workflows: CI runs `.ci/run` on every push and pull request; a pushed tag equal to
 * the manifest's version builds main.js, attests its provenance and drafts a release with the
 * three files Obsidian installs. The tag check is run here too, against the repository's files.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { parse } from "yaml";
import { ROOT, readJson } from "./repo";

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	"runs-on": string;
	permissions?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
	return parse(readFileSync(`${ROOT}/.github/workflows/${name}`, "utf8")) as Workflow;
}

function onlyJob(w: Workflow): Job {
	const jobs = Object.values(w.jobs);
	expect(jobs).toHaveLength(1);
	return jobs[0]!;
}

function indexOf(steps: Step[], test: (s: Step) => boolean, what: string): number {
	const i = steps.findIndex(test);
	expect(i, `a step that ${what}`).toBeGreaterThanOrEqual(0);
	return i;
}

const runs = (command: string) => (s: Step) => (s.run ?? "").split("\n").some((line) => line.trim() === command);

describe.each(["ci.yml", "release.yml"])("%s", (file) => {
	it("runs on ubuntu-latest with Node 20, actions pinned to major tags", () => {
		const job = onlyJob(workflow(file));
		expect(job["runs-on"]).toBe("ubuntu-latest");
		const setupNode = job.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
		expect(String(setupNode?.with?.["node-version"])).toBe("20");
		for (const step of job.steps) {
			if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
		}
		expect(job.steps[0]?.uses).toMatch(/^actions\/checkout@/);
	});
});

describe("ci.yml", () => {
	const ci = workflow("ci.yml");

	it("runs .ci/run on pushes and pull requests, reading the repository only", () => {
		expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
		expect(ci.permissions).toEqual({ contents: "read" });
		indexOf(onlyJob(ci).steps, runs(".ci/run"), "runs .ci/run");
	});

	it(".ci/run is executable, installs Chromium with apt (sudo when not root) and runs npm ci and npm test", () => {
		expect(statSync(`${ROOT}/.ci/run`).mode & 0o111).not.toBe(0);
		const script = readFileSync(`${ROOT}/.ci/run`, "utf8");
		expect(script).toMatch(/SUDO="sudo"/);
		expect(script).toMatch(/\$SUDO apt-get install[^\n]*chromium/);
		expect(script).toMatch(/^npm ci\b/m);
		expect(script).toMatch(/^npm test$/m);
	});
});

describe("release.yml", () => {
	const release = workflow("release.yml");
	const job = onlyJob(release);
	const steps = job.steps;

	it("runs on pushed tags only", () => {
		expect(Object.keys(release.on)).toEqual(["push"]);
		const push = release.on.push as Record<string, unknown>;
		expect(Object.keys(push)).toEqual(["tags"]);
		expect(push.tags).toEqual(["*"]);
	});

	it("has the permissions the attestation and the release need, and no more", () => {
		expect(release.permissions).toEqual({ contents: "read" });
		expect(job.permissions).toEqual({ contents: "write", "id-token": "write", attestations: "write" });
	});

	it("checks the tag, then npm ci, npm run build, attests main.js and drafts the release, in that order", () => {
		const check = indexOf(steps, (s) => /manifest\.json/.test(s.run ?? "") && /exit 1/.test(s.run ?? ""), "checks the tag");
		const ci = indexOf(steps, runs("npm ci"), "runs npm ci");
		const build = indexOf(steps, runs("npm run build"), "runs npm run build");
		const attest = indexOf(steps, (s) => /^actions\/attest-build-provenance@v\d+$/.test(s.uses ?? ""), "attests build provenance");
		const draft = indexOf(steps, (s) => /\bgh release create\b/.test(s.run ?? ""), "creates the release");
		expect([check, ci, build, attest, draft]).toEqual([...[check, ci, build, attest, draft]].sort((a, b) => a - b));
		expect(steps[attest]?.with).toEqual({ "subject-path": "main.js" });
	});

	it("drafts a release named for the tag with main.js, manifest.json and styles.css as separate assets", () => {
		const step = steps.find((s) => /\bgh release create\b/.test(s.run ?? ""))!;
		expect(step.env?.GH_TOKEN).toBe("${{ secrets.GITHUB_TOKEN }}");
		expect(step.env?.TAG).toBe("${{ github.ref_name }}");
		const words = (step.run ?? "").trim().split(/\s+/);
		expect(words.slice(0, 4)).toEqual(["gh", "release", "create", '"$TAG"']);
		expect(words).toContain("--draft");
		expect(words[words.indexOf("--title") + 1]).toBe('"$TAG"');
		const assets = words.slice(4, words.findIndex((w) => w.startsWith("--")));
		expect(assets).toEqual(["main.js", "manifest.json", "styles.css"]);
	});

	describe("the tag check, run against this repository", () => {
		const check = steps.find((s) => /manifest\.json/.test(s.run ?? "") && /exit 1/.test(s.run ?? ""))!;
		const version = readJson<{ version: string }>("manifest.json").version;
		const runCheck = (tag: string) => {
			try {
				execFileSync("bash", ["-e", "-c", check.run!], { cwd: ROOT, env: { ...process.env, TAG: tag }, encoding: "utf8", stdio: "pipe" });
				return { ok: true, out: "" };
			} catch (e) {
				const err = e as { stdout: string; stderr: string };
				return { ok: false, out: err.stdout + err.stderr };
			}
		};

		it("passes the manifest's version", () => {
			expect(check.env?.TAG).toBe("${{ github.ref_name }}");
			expect(runCheck(version)).toEqual({ ok: true, out: "" });
		});

		it.each([
			[`v${version}`, /not a plain x\.y\.z version/],
			[`${version}-beta.1`, /not a plain x\.y\.z version/],
			["99.0.0", /differs from the version in manifest\.json/],
		])("fails %s with a clear message", (tag, message) => {
			const result = runCheck(tag);
			expect(result.ok).toBe(false);
			expect(result.out).toMatch(/^::error::/m);
			expect(result.out).toMatch(message);
		});
	});
});
