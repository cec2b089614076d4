import type { Page } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { targetEditorElement } from "./harness/editor";
import { CLIP_NOTE, DEMO_VAULT, describeInBrowser, runCommand, usePlayground, type PlaygroundWindow } from "./harness/playground";

const CLIP_CITATIONS = extractCitations(readFileSync(join(DEMO_VAULT, CLIP_NOTE), "utf8"));

async function pressChip(page: Page, label: string): Promise<void> {
	const citation = CLIP_CITATIONS.find((c) => c.label === label);
	if (!citation) throw new Error(`No citation ${label} in the clip note`);
	expect(await targetEditorElement(page, ".vc-chip", citation.from)).toBe(true);
	await page.locator("[data-e2e-target]").click();
}

/** Paused at about `second` (the chip, then "Play or pause"), once the frame there is shown. */
async function pausedAt(page: Page, label: string): Promise<number> {
	await pressChip(page, label);
	const second = Number(label.slice(-3, -1));
	const time = () => page.evaluate(() => document.querySelector<HTMLVideoElement>(".workspace video")?.currentTime ?? -1);
	await expect.poll(time, { timeout: 15_000 }).toBeGreaterThanOrEqual(second);
	await runCommand(page, "Play or pause");
	await expect.poll(() => page.evaluate(() => document.querySelector<HTMLVideoElement>(".workspace video")?.paused)).toBe(true);
	await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))));
	return time();
}

/**
 * The saved PNG at `path` decoded in the page, against the frame the `<video>` shows now (drawn the
 * same way): their mean difference per channel (0–255), and how far the PNG is from blank.
 */
function comparePng(page: Page, path: string): Promise<{ diff: number; spread: number; width: number }> {
	return page.evaluate(async (p) => {
		const vault = (window as unknown as PlaygroundWindow).playground.app.vault as unknown as { binaries: Map<string, ArrayBuffer> };
		const data = vault.binaries.get(p);
		if (!data) throw new Error(`no ${p}`);
		const img = new Image();
		img.src = URL.createObjectURL(new Blob([data], { type: "image/png" }));
		await img.decode();
		const video = document.querySelector<HTMLVideoElement>(".workspace video")!;
		const pixels = (source: CanvasImageSource) => {
			const canvas = document.createElement("canvas");
			canvas.width = video.videoWidth;
			canvas.height = video.videoHeight;
			const ctx = canvas.getContext("2d")!;
			ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
			return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
		};
		const a = pixels(img);
		const b = pixels(video);
		let diff = 0;
		let min = 255;
		let max = 0;
		for (let i = 0; i < a.length; i += 4) {
			for (let c = 0; c < 3; c++) {
				diff += Math.abs((a[i + c] ?? 0) - (b[i + c] ?? 0));
				min = Math.min(min, a[i + c] ?? 0);
				max = Math.max(max, a[i + c] ?? 0);
			}
		}
		return { diff: diff / ((a.length / 4) * 3), spread: max - min, width: img.naturalWidth };
	}, path);
}

/** Mean difference per channel between two saved PNGs. */
function pngDiff(page: Page, first: string, second: string): Promise<number> {
	return page.evaluate(
		async ([p, q]) => {
			const vault = (window as unknown as PlaygroundWindow).playground.app.vault as unknown as { binaries: Map<string, ArrayBuffer> };
			const decode = async (path: string) => {
				const img = new Image();
				img.src = URL.createObjectURL(new Blob([vault.binaries.get(path)!], { type: "image/png" }));
				await img.decode();
				const canvas = document.createElement("canvas");
				canvas.width = img.naturalWidth;
				canvas.height = img.naturalHeight;
				const ctx = canvas.getContext("2d")!;
				ctx.drawImage(img, 0, 0);
				return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
			};
			const [a, b] = [await decode(p as string), await decode(q as string)];
			let diff = 0;
			for (let i = 0; i < a.length; i++) if (i % 4 !== 3) diff += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
			return diff / ((a.length / 4) * 3);
		},
		[first, second],
	);
}

const doc = (page: Page) => page.evaluate(() => (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!.state.doc.toString());

describeInBrowser("capture video frame", () => {
	const playground = usePlayground();

	it("saves the frame the clip shows, inserts its embed and citation, and undoes in one step", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live" });
		const at10 = await pausedAt(page, "[00:00:10]");
		const before = await page.evaluate(() => {
			const view = (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!;
			view.focus();
			view.dispatch({ selection: { anchor: view.state.doc.length } });
			return view.state.doc.toString();
		});
		await runCommand(page, "Capture video frame");
		const name = `clip 00-00-${String(Math.floor(at10)).padStart(2, "0")}.png`;
		await expect.poll(() => doc(page), { timeout: 5_000 }).not.toBe(before);
		const second = String(Math.floor(at10)).padStart(2, "0");
		expect(await doc(page)).toBe(`${before}![[${name}]] <a class="yt-timestamp" data-t="00:00:${second}">[00:00:${second}]</a>`);
		const first = await comparePng(page, name);
		// The PNG is the frame on screen (the counter at 10), not blank.
		expect(first.width).toBeGreaterThan(0);
		expect(first.diff).toBeLessThan(2);
		expect(first.spread).toBeGreaterThan(100);
		// Kept for a person to look at.
		const bytes = await page.evaluate((p) => Array.from(new Uint8Array(((window as unknown as PlaygroundWindow).playground.app.vault as unknown as { binaries: Map<string, ArrayBuffer> }).binaries.get(p)!)), name);
		mkdirSync("test-results/screenshots", { recursive: true });
		writeFileSync("test-results/screenshots/capture-frame-10s.png", Buffer.from(bytes));

		// One Ctrl+Z takes the embed and the citation back together.
		await page.locator(".markdown-source-view .cm-content").focus();
		await page.keyboard.press("Control+z");
		expect(await doc(page)).toBe(before);

		// Another second gives another picture.
		const at30 = await pausedAt(page, "[00:00:30]");
		await page.evaluate(() => {
			const view = (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!;
			view.focus();
			view.dispatch({ selection: { anchor: view.state.doc.length } });
		});
		await runCommand(page, "Capture video frame");
		const other = `clip 00-00-${String(Math.floor(at30)).padStart(2, "0")}.png`;
		await expect.poll(() => page.evaluate((p) => ((window as unknown as PlaygroundWindow).playground.app.vault as unknown as { binaries: Map<string, ArrayBuffer> }).binaries.has(p), other)).toBe(true);
		expect((await comparePng(page, other)).diff).toBeLessThan(2);
		const between = await pngDiff(page, name, other);
		expect(between).toBeGreaterThan(1);
	});
});
