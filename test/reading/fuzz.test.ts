import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatTimestamp } from "../../src/core";
import { click, links, note, setUpReading } from "./harness";

/** Pieces real and broken notes are made of, hostile ones included. */
const piece = fc.oneof(
	fc.constantFrom(
		'<a class="yt-timestamp" data-t="00:46:51">[00:46:51]</a>',
		'<a class="yt-timestamp" data-t="',
		'<a class="yt-timestamp" data-t="00:12:34]">',
		"<a class='yt-timestamp' data-t='12:34'></a>",
		'<a class="yt-timestamp" data=t="00:01:02">x</a>',
		'<a class="yt-timestamp" data-00:04:37>[00:04:37]</a>',
		'<p class="yt-timestamp" data-t="1:02:03">',
		"</a>",
		"</p>",
		'"><img src=x onerror=alert(1)>',
		"[x](javascript:alert(1))",
		"[t](https://youtu.be/aXGo1o_baBo?t=90)",
		"`<a class=\"yt-timestamp\" data-t=\"1\">`",
		"\n\n",
		"\n- ",
		"\n> ",
		" ",
		"&quot;",
	),
	fc.string({ maxLength: 12 }),
	fc.string({ maxLength: 12 }).map((t) => `<a class="yt-timestamp" data-t="${t}">${t}</a>`),
	fc.string({ maxLength: 12 }).map((v) => `<a class="yt-timestamp" data-t="00:00:09" data-v="${v}">[9]</a>`),
);

describe("arbitrary and broken notes", () => {
	it("every rendered yt-timestamp becomes a link that seeks to the time it shows, or an invalid one that never seeks", async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(piece, { maxLength: 24 }), async (pieces) => {
				const reading = setUpReading();
				const root = await reading.render(note(pieces.join("")));
				const elements = Array.from(root.querySelectorAll<HTMLElement>(".yt-timestamp"));
				expect(links(root)).toEqual(elements);
				for (const el of Array.from(root.querySelectorAll("*"))) {
					expect(el.getAttributeNames().filter((n) => n.startsWith("on"))).toEqual([]);
				}
				for (const link of elements) {
					const before = reading.playback.seeks.length;
					expect(click(link)).toBe(true);
					const label = link.getAttribute("aria-label") ?? "";
					if (link.hasClass("is-invalid")) {
						expect(reading.playback.seeks.length).toBe(before);
						expect(label).toMatch(/^Cannot play this timestamp: ./);
					} else {
						const seek = reading.playback.seeks[before];
						expect(seek).toBeDefined();
						expect(Number.isFinite(seek?.seconds) && (seek?.seconds ?? -1) >= 0).toBe(true);
						expect(label.startsWith(`Play from ${formatTimestamp(seek?.seconds ?? -1, { style: "m:ss" })}`)).toBe(true);
					}
				}
				reading.plugin.unload();
				expect(links(root)).toEqual([]);
			}),
			{ numRuns: 60 },
		);
	}, 60_000);
});
