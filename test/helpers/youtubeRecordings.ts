import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { network, type RecordedResponse } from "../double/util";
import { recordingFor } from "../double/recordedYouTube";
import type { HttpGet } from "../../src/transcripts/youtubeCaptions";

const FOLDER = join(__dirname, "..", "fixtures", "youtube");

/** A recorded YouTube answer's text. */
export function recorded(name: string): string {
	return readFileSync(join(FOLDER, name), "utf8");
}

/**
 * Serves the recorded YouTube answers through the double's `requestUrl`; `override` answers
 * first (a refusal, a changed page). Requests with no recording fail as without network.
 */
export function serveRecordedYouTube(override?: (url: string) => RecordedResponse | undefined): void {
	network.serve = ({ url }) => {
		const answer = override?.(url);
		if (answer) return answer;
		const name = recordingFor(url);
		return name && existsSync(join(FOLDER, name)) ? { status: 200, text: recorded(name) } : undefined;
	};
}

/**
 * A fake `HttpGet` (the plugin's `requestUrl` seam) answering from the recordings, logging each
 * request's address and headers; `override` answers first. No recording: it fails as offline.
 */
export function recordedHttp(override?: (url: string) => RecordedResponse | undefined): HttpGet & { urls: string[]; headers: Record<string, string>[] } {
	const urls: string[] = [];
	const headers: Record<string, string>[] = [];
	return {
		urls,
		headers,
		get: (url, h) => {
			urls.push(url);
			headers.push(h);
			const answer = override?.(url);
			if (answer) return Promise.resolve(answer);
			const name = recordingFor(url);
			return name && existsSync(join(FOLDER, name)) ? Promise.resolve({ status: 200, text: recorded(name) }) : Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));
		},
	};
}
