import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatTimestamp, parseTimestamp } from "../../src/core";

describe("parseTimestamp", () => {
	it.each([
		["00:46:51", 2811],
		["1:02:03", 3723],
		["46:51", 2811],
		["7:05", 425],
		["90", 90],
		["0", 0],
		["1h2m3s", 3723],
		["2m", 120],
		["45s", 45],
		["1h", 3600],
		["2811s", 2811],
		["12:34.5", 754.5],
		["00:12:34,25", 754.25],
		[" 00:00:24 ", 24],
		["12:3:45", 12 * 3600 + 3 * 60 + 45],
		// Over-range fields count the way YouTube counts them.
		["00:75:12", 4512],
		["02:67", 187],
		// Four fields: hours, minutes, seconds and a fraction of a second.
		["01:00:17:51", 3617.51],
		["01:01:13:00", 3673],
	])("reads %j as %d s", (input, expected) => {
		expect(parseTimestamp(input)).toBe(expected);
	});

	it.each(["", " ", "abc", "00:12:34]", "[00:12:34]", "12:", ":12", "1:2:3:4:5", "-5", "NaN", "Infinity", "1e3", "12:34:56.7.8", "00:12:34 extra", "9999999", "javascript:alert(1)", "1h2x"])(
		"rejects %j",
		(input) => {
			expect(parseTimestamp(input)).toBeNull();
		},
	);

	it("rejects non-strings without throwing", () => {
		expect(parseTimestamp(undefined as unknown as string)).toBeNull();
		expect(parseTimestamp(42 as unknown as string)).toBeNull();
	});
});

describe("formatTimestamp", () => {
	it.each([
		[2811, {}, "00:46:51"],
		[0, {}, "00:00:00"],
		[3723, {}, "01:02:03"],
		[2811, { style: "m:ss" as const }, "46:51"],
		[3723, { style: "m:ss" as const }, "1:02:03"],
		[5, { style: "m:ss" as const }, "0:05"],
		[754.5, {}, "00:12:34.5"],
		[-3, {}, "00:00:00"],
		[Number.NaN, {}, "00:00:00"],
	])("writes %d s as %j", (seconds, options, expected) => {
		expect(formatTimestamp(seconds, options)).toBe(expected);
	});

	it("round-trips whole and fractional seconds in both styles", () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom("hh:mm:ss" as const, "m:ss" as const), (whole, millis, style) => {
				const seconds = (whole * 1000 + millis) / 1000;
				expect(parseTimestamp(formatTimestamp(seconds, { style }))).toBe(seconds);
			}),
			{ numRuns: 2000 },
		);
	});

	it("never returns a time parseTimestamp cannot read, whatever the input", () => {
		fc.assert(
			fc.property(fc.double(), (x) => {
				const parsed = parseTimestamp(formatTimestamp(x));
				expect(parsed).not.toBeNull();
				expect(Number.isFinite(parsed)).toBe(true);
			}),
		);
	});

	it("parseTimestamp never throws and returns null or a finite non-negative number", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (s) => {
				const r = parseTimestamp(s);
				expect(r === null || (Number.isFinite(r) && r >= 0)).toBe(true);
			}),
			{ numRuns: 3000 },
		);
	});
});
