import { expect, it } from "vitest";
import { CLIP_NOTE, describeInBrowser, screenshot, usePlayground, type PlaygroundWindow } from "./harness/playground";

/**
 * The media path the HTML5 player relies on: a vault file's resource URL (the server's
 * `/vault/`, which answers Range requests) played by a real `<video>`/`<audio>` in Chromium.
 */
describeInBrowser("vault media in a real media element", () => {
	const playground = usePlayground();

	it.each([
		{ file: "media/clip.webm", tag: "video", to: 46, duration: 60 },
		{ file: "media/tone.ogg", tag: "audio", to: 20, duration: 30 },
	] as const)("$file seeks to $to s and reads the time back", async ({ file, tag, to, duration }) => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading", panels: false });
		const result = await page.evaluate(
			async ({ file, tag, to }) => {
				const { app } = (window as unknown as PlaygroundWindow).playground;
				const tfile = app.vault.getFileByPath(file);
				if (!tfile) throw new Error(`${file} is not in the vault`);
				const media = document.createElement(tag);
				media.classList.add("e2e-media");
				media.muted = true;
				media.preload = "auto";
				media.src = app.vault.getResourcePath(tfile);
				document.body.appendChild(media);
				const once = (name: string) =>
					new Promise<void>((resolve, reject) => {
						media.addEventListener(name, () => resolve(), { once: true });
						media.addEventListener("error", () => reject(new Error(`media error ${media.error?.code ?? "?"}: ${media.error?.message ?? ""}`)), { once: true });
					});
				if (media.readyState < 1) await once("loadedmetadata");
				const seeked = once("seeked");
				media.currentTime = to;
				await seeked;
				if (media.readyState < 2) await once("loadeddata").catch(() => undefined);
				return {
					src: media.currentSrc,
					currentTime: media.currentTime,
					duration: media.duration,
					seekableEnd: media.seekable.length ? media.seekable.end(media.seekable.length - 1) : 0,
				};
			},
			{ file, tag, to },
		);
		expect(result.src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/vault\/media\//);
		expect(result.duration).toBeCloseTo(duration, 0);
		// Chromium seeks a file only when its server answers Range requests; else nothing is seekable.
		expect(result.seekableEnd).toBeCloseTo(duration, 0);
		expect(result.currentTime).toBeCloseTo(to, 1);
		if (tag === "video") await screenshot(page, "clip-at-46s", ".e2e-media");
	});
});
